/** "KPI!F7" or "'KPI หน่วยงาน'!F7:F9" (the form issues carry) → the sheet and the address, for the port's select. */
export function splitQualified(qualified: string): { sheet: string; address: string } | undefined {
  const m = /^(?:'((?:[^']|'')+)'|([^!]+))!(.+)$/.exec(qualified.trim());
  if (!m) return undefined;
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : (m[2] as string);
  return { sheet, address: (m[3] as string).replace(/\$/g, '') };
}
