/** How Party bodies are named on paper. */

/** "Tỉnh ủy Nghệ An" / "Đảng bộ tỉnh Nghệ An" → "Nghệ An", for the "Nghệ An, ngày … tháng … năm …" line. */
export function placeName(provinceName: string | null): string {
  if (!provinceName) return '';
  return provinceName
    .replace(/^(Đảng bộ\s+)?(Tỉnh ủy|Thành ủy|tỉnh|thành phố|Tỉnh|Thành phố)\s+/i, '')
    .trim();
}

/** "Đảng bộ phường Thành Vinh" / "Đảng ủy phường Thành Vinh" → "phường Thành Vinh", e.g. inside an address. */
export function withoutParty(unitName: string): string {
  return unitName.replace(/^Đảng (bộ|ủy)\s+/iu, '');
}

/** "Đảng bộ phường Thành Vinh" → "Thành Vinh", for the "Thành Vinh, ngày … tháng … năm …" line. */
export function communePlace(communeName: string): string {
  return withoutParty(communeName)
    .replace(/^(xã|phường|thị trấn|đặc khu)\s+/iu, '')
    .trim();
}

/** A header names the Party organisation ("Đảng bộ"), whatever the unit is called in the tree ("Đảng ủy"). */
export function organisationName(unitName: string): string {
  return unitName.replace(/^Đảng ủy\s+/iu, 'Đảng bộ ');
}

/** A document is issued by the committee of a Party organisation: "Đảng bộ phường Thành Vinh" → "Đảng ủy phường Thành Vinh". */
export function committeeName(unitName: string): string {
  return unitName.replace(/^Đảng bộ\s+/i, 'Đảng ủy ');
}
