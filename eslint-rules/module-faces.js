// A module of server/modules/ shows one face to the rest of the code: its index.ts. An import from
// outside a module into any other file of it (a "deep import") is an error; inside a module, files
// import each other freely. Tests may reach into the module they test only (they live beside it).
import path from 'node:path';

const MODULES = `${path.sep}server${path.sep}modules${path.sep}`;

/** The module folder a file belongs to (`/…/server/modules/dossiers`), or null outside modules. */
function moduleOf(file) {
  const i = file.indexOf(MODULES);
  if (i < 0) return null;
  const name = file.slice(i + MODULES.length).split(path.sep)[0];
  return name && !name.includes('.') ? file.slice(0, i + MODULES.length) + name : null;
}

export const moduleFaces = {
  meta: {
    type: 'problem',
    docs: { description: 'Import another server module through its index.ts only.' },
    messages: {
      deep: "'{{source}}' reaches into module {{module}}: import its face, {{module}}/index.ts (docs/adr/0009-module-rules.md).",
    },
    schema: [],
  },
  create(context) {
    const file = context.filename;
    const own = moduleOf(file);
    function check(node) {
      const source = node.source?.value;
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const target = path.resolve(path.dirname(file), source);
      const theirs = moduleOf(target);
      if (!theirs || theirs === own) return;
      if (target === path.join(theirs, 'index.ts')) return;
      context.report({
        node: node.source,
        messageId: 'deep',
        data: { source, module: path.basename(theirs) },
      });
    }
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};

export default { rules: { 'module-faces': moduleFaces } };
