/** Messages of the member import, in both languages; registered by imports.service.ts. */
export const importMessages = {
  // whole-file problems: nothing is written
  'import.noFile': { vi: 'Hãy chọn một tệp để tải lên.', en: 'Choose a file to upload.' },
  'import.unsupportedType': {
    vi: 'Chỉ nhận tệp Excel (.xlsx) hoặc CSV (UTF-8). Nếu là tệp .xls cũ, hãy mở bằng Excel và lưu lại dạng .xlsx.',
    en: 'Only Excel (.xlsx) or CSV (UTF-8) files are accepted. For an old .xls file, open it in Excel and save it as .xlsx.',
  },
  'import.corruptFile': {
    vi: 'Không đọc được tệp: tệp bị hỏng hoặc không phải bảng tính Excel. Hãy mở lại bằng Excel, lưu lại rồi tải lên.',
    en: 'The file cannot be read: it is damaged or not an Excel workbook. Open it in Excel, save it again and re-upload.',
  },
  'import.csvEncoding': {
    vi: 'Tệp CSV phải dùng bảng mã UTF-8. Trong Excel chọn "Lưu dưới dạng" → "CSV UTF-8".',
    en: 'CSV files must be UTF-8. In Excel use "Save as" → "CSV UTF-8".',
  },
  'import.empty': { vi: 'Tệp không có dòng dữ liệu nào.', en: 'The file has no data rows.' },
  'import.missingColumns': {
    vi: 'Tệp thiếu cột bắt buộc: {columns}. Hãy dùng tệp mẫu.',
    en: 'The file lacks required columns: {columns}. Please use the template.',
  },
  'import.tooManyRows': {
    vi: 'Tệp có quá nhiều dòng (tối đa {max}). Hãy chia thành nhiều tệp.',
    en: 'The file has too many rows (at most {max}). Split it into several files.',
  },
  // row problems
  'import.formulaNotAllowed': {
    vi: 'Ô chứa công thức hoặc bắt đầu bằng =, +, -, @ — hãy nhập giá trị thuần.',
    en: 'The cell holds a formula or starts with =, +, -, @ — enter a plain value.',
  },
  'import.nameLength': {
    vi: 'Họ và tên cần từ 3 đến 120 ký tự.',
    en: 'The full name needs 3 to 120 characters.',
  },
  'import.sexInvalid': { vi: 'Giới tính phải là Nam hoặc Nữ.', en: 'Sex must be Nam (male) or Nữ (female).' },
  'import.dateInvalid': {
    vi: 'Ngày không hợp lệ; hãy ghi theo dạng dd/mm/yyyy.',
    en: 'Invalid date; write it as dd/mm/yyyy.',
  },
  'import.tooLong': { vi: 'Nội dung quá dài.', en: 'The text is too long.' },
  'import.categoryInvalid': {
    vi: 'Phân loại phải là: Đang sinh hoạt, Miễn sinh hoạt hoặc Chưa giới thiệu.',
    en: 'Category must be one of: Đang sinh hoạt (active), Miễn sinh hoạt (exempt), Chưa giới thiệu (not introduced).',
  },
  'import.areaNeedsCommune': {
    vi: 'Có tên thôn/tổ dân phố thì cần ghi mã xã/phường nơi ở.',
    en: 'A residential area needs the residence commune code.',
  },
  'import.duplicateCardInFile': {
    vi: 'Số thẻ đảng này đã xuất hiện ở dòng trước trong tệp.',
    en: 'This Party card number already appears in an earlier row of the file.',
  },
  'import.duplicateCitizenIdInFile': {
    vi: 'Số CCCD này đã xuất hiện ở dòng trước trong tệp.',
    en: 'This citizen ID already appears in an earlier row of the file.',
  },
  'import.cardNumberOtherUnit': {
    vi: 'Số thẻ đảng này thuộc một đảng viên ngoài đơn vị do đồng chí quản lý; không thể cập nhật.',
    en: 'This Party card number belongs to a member outside the units you manage; it cannot be updated.',
  },
  'import.citizenIdTaken': {
    vi: 'Số CCCD này đã thuộc một đảng viên khác trong hệ thống.',
    en: 'This citizen ID already belongs to another member.',
  },
  'import.unknownCell': { vi: 'Không có chi bộ với mã này.', en: 'There is no cell with this code.' },
  'import.cellNotAllowed': {
    vi: 'Mã này không phải một chi bộ đang hoạt động do đồng chí quản lý.',
    en: 'This code is not an active cell that you manage.',
  },
  'import.unknownCommune': {
    vi: 'Không có xã/phường với mã này.',
    en: 'There is no commune or ward with this code.',
  },
  'import.unknownArea': {
    vi: 'Không có thôn/tổ dân phố với tên này trong xã/phường đã ghi.',
    en: 'There is no residential area with this name in the given commune.',
  },
  // commit
  'import.hasErrors': {
    vi: 'Tệp còn {count} dòng lỗi. Hãy sửa tệp, hoặc chọn chỉ nhập các dòng hợp lệ.',
    en: 'The file still has {count} rows with errors. Fix the file, or import the valid rows only.',
  },
  'import.wrongState': {
    vi: 'Lượt nhập này đã được xử lý hoặc đã hủy.',
    en: 'This import has already been processed or discarded.',
  },
  'import.noValidRows': { vi: 'Không có dòng hợp lệ nào để nhập.', en: 'There are no valid rows to import.' },
  'import.commitFailed': {
    vi: 'Nhập dữ liệu bị lỗi giữa chừng; các phần đã nhập vẫn được giữ. Hãy tải lại tệp và thử lại.',
    en: 'The import failed part-way; what was imported is kept. Upload the file again and retry.',
  },
};
