// The desk intake page's state that stands apart from its form (intake-page.tsx): each component's
// scans and which are still uploading, and the lookup of the applicant's document store.
import { useMutation } from '@tanstack/react-query';
import { useState, type Dispatch, type SetStateAction } from 'react';
import { isApplicantIdNumber, normaliseIdNumber, type IntakeMark } from '../../../common/dossiers/reuse.ts';
import { lookUpApplicantDocuments } from '../documents/applicant-documents-api.ts';
import type { Lookup } from './intake-applicant.tsx';
import type { ComponentScans } from './intake-scans.tsx';

/** Each component's scans; a scan taken in of a component not yet marked marks it handed in. */
export function useComponentScans(setMarks: Dispatch<SetStateAction<IntakeMark[]>>) {
  const [scans, setScans] = useState<ComponentScans[]>([]);
  const [uploading, setUploading] = useState<ReadonlySet<number>>(new Set());
  const onScans = (i: number, change: (current: ComponentScans) => ComponentScans) => {
    setScans((all) => all.map((s, j) => (j === i ? change(s) : s)));
    setMarks((all) => all.map((m, j) => (j === i && m === '' ? 'original' : m)));
  };
  const onUploading = (i: number, busy: boolean) =>
    setUploading((all) => {
      if (all.has(i) === busy) return all;
      const next = new Set(all);
      if (busy) next.add(i);
      else next.delete(i);
      return next;
    });
  return { scans, setScans, uploading, onScans, onUploading };
}

/**
 * The lookup of the applicant's document store, on the officer's button only (each is audited). A
 * lookup's records belong to the number it was made with: `forgetLookup` drops them (and the records
 * chosen from it, through `onForget`) when another applicant is typed.
 */
export function useApplicantLookup(onForget: () => void) {
  const [badNumber, setBadNumber] = useState(false);
  const lookupCall = useMutation({ mutationFn: (idNumber: string) => lookUpApplicantDocuments(idNumber) });
  const lookup: Lookup = badNumber
    ? { kind: 'bad-number' }
    : lookupCall.isPending
      ? { kind: 'loading' }
      : lookupCall.isSuccess
        ? { kind: 'done', idNumber: lookupCall.variables, list: lookupCall.data }
        : lookupCall.isError
          ? { kind: 'error', error: lookupCall.error }
          : { kind: 'none' };
  const forgetLookup = () => {
    lookupCall.reset();
    setBadNumber(false);
    onForget();
  };
  const lookUp = (typed: string) => {
    const idNumber = normaliseIdNumber(typed);
    setBadNumber(!isApplicantIdNumber(idNumber));
    if (isApplicantIdNumber(idNumber)) lookupCall.mutate(idNumber);
  };
  return { lookup, forgetLookup, lookUp };
}
