/** A residence on one line, as lists and papers show it: "Số 12 Trần Phú, khối 5, phường Thành Vinh" (blanks left out). */
export function residenceAddress(street: string | null, area: string | null, commune: string | null): string {
  return [street, area, commune].filter((x) => x && x.trim()).join(', ');
}
