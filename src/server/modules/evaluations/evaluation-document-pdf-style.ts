/** Type sizes and spacing of the evaluation form's PDF, shared by its parts. */
import type { contentBox, TextStyle } from '../../documents/pdf';

export const PT = { header: 11.5, nation: 12.5, title: 14, subtitle: 12.5, body: 11.5, small: 10, tiny: 8 };
export const body: TextStyle = { size: PT.body, lineGap: 0.5 };
/** the first-line indent, and the column of the criteria's numbers */
export const INDENT = 28;
export const labelW = (box: ReturnType<typeof contentBox>): number => box.width - INDENT;
