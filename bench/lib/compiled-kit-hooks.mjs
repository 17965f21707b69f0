/** Module hooks of compiled-kit.mjs: a kit module that tsx resolved to its .ts file → its dist/ .js. */
let root = '';
const KIT_MODULE = /^(src|adapters|migrations)\/(.*)\.ts$/;

export function initialize(data) {
  root = data.root;
}

export async function resolve(specifier, context, nextResolve) {
  const result = await nextResolve(specifier, context);
  if (!result.url.startsWith(root)) return result;
  const match = KIT_MODULE.exec(result.url.slice(root.length));
  if (match === null) return result;
  return { url: `${root}dist/${match[1]}/${match[2]}.js`, format: 'module', shortCircuit: true };
}
