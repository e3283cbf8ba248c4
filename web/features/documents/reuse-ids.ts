// The ids of a reuse group's checkboxes (reuse-choice.tsx), in a module of their own so that pages'
// pure logic (where a server message sends focus) can name them without loading a component.

/** The id of the n-th record's checkbox of a group (the first one is where an error sends focus). */
export const reuseOptionId = (groupId: string, n: number): string => `${groupId}-${n}`;
