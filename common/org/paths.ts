// Unit paths (`/01/00070/`, the codes from the province down): what the path tells without a read.

/** The code of the province a unit path lies in: /01/002/00070/ → 01. */
export function provinceOfPath(unitPath: string): string {
  return unitPath.split('/')[1] ?? '';
}
