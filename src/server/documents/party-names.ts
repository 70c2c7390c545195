/** How Party bodies are named on paper. */

/** "Tỉnh ủy Nghệ An" / "Đảng bộ tỉnh Nghệ An" → "Nghệ An", for the "Nghệ An, ngày … tháng … năm …" line. */
export function placeName(provinceName: string | null): string {
  if (!provinceName) return '';
  return provinceName
    .replace(/^(Đảng bộ\s+)?(Tỉnh ủy|Thành ủy|tỉnh|thành phố|Tỉnh|Thành phố)\s+/i, '')
    .trim();
}

/** A document is issued by the committee of a Party organisation: "Đảng bộ phường Thành Vinh" → "Đảng ủy phường Thành Vinh". */
export function committeeName(unitName: string): string {
  return unitName.replace(/^Đảng bộ\s+/i, 'Đảng ủy ');
}
