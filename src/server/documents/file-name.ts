import { stripDiacritics } from '../../shared/rules/vietnamese-name';

/** ASCII for file names: "Nguyễn Văn An" → "Nguyen-Van-An" (the UTF-8 name goes in filename* as well). */
export function fileSafe(text: string): string {
  return stripDiacritics(text)
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
