import ExcelJS from 'exceljs';
import type { Actor } from '../../http/actor';
import { neutraliseFormula } from '../imports/imports.export';
import { vnDay } from '../../../shared/rules/vietnam-calendar';
import type { EvaluationDeps } from './requests.service';
import { getRuleSet } from '../rule-sets/rule-sets.service';
import { review, type ReviewQuery } from './tracking.service';
import { translate } from '../../i18n/messages';

/** The year-end review as a spreadsheet (Art. 3.4–3.5): one row per member, residence outcome next to the score. */
export async function exportReview(
  deps: EvaluationDeps,
  actor: Actor,
  query: Omit<ReviewQuery, 'cursor' | 'limit'>,
) {
  const loc = actor.locale;
  const t = (key: string) => translate(loc, key);
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet(t('evaluation.xlsx.sheet'), { views: [{ state: 'frozen', ySplit: 1 }] });
  let page = await review(deps, actor, { ...query, limit: 200 });
  const def = await getRuleSet(deps.db, page.ruleSetCode);
  const criteria = def.forms.full.criteria;
  sheet.columns = [
    { header: t('evaluation.xlsx.no'), width: 6 },
    { header: t('evaluation.xlsx.name'), width: 26 },
    { header: t('evaluation.xlsx.card'), width: 14 },
    { header: t('evaluation.xlsx.cell'), width: 28 },
    { header: t('evaluation.xlsx.status'), width: 18 },
    ...criteria.map((c) => ({ header: c.label[loc], width: 18 })),
    { header: t('evaluation.xlsx.flags'), width: 30 },
    { header: t('evaluation.xlsx.score'), width: 10 },
    { header: t('evaluation.xlsx.level'), width: 24 },
    { header: t('evaluation.xlsx.contradicts'), width: 16 },
  ];
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).alignment = { wrapText: true, vertical: 'top' };
  let n = 0;
  // keyset pages, so a committee of thousands is written without one giant query
  for (;;) {
    for (const r of page.items) {
      const levelLabel = (key: string) => {
        const c = [...def.forms.full.criteria, ...def.forms.exempt.criteria].find((x) => x.key === key);
        const l = c?.levels.find((x) => x.key === r.ratings?.[key]);
        return l ? l.label[loc] : '';
      };
      const row = sheet.addRow([
        ++n,
        neutraliseFormula(r.fullName),
        r.cardNumber,
        neutraliseFormula(r.workplaceCellName),
        t(`evaluation.status.${r.status}`),
        ...criteria.map((c) => levelLabel(c.key)),
        r.flags.map((f) => def.flags.find((x) => x.code === f.code)?.label[loc] ?? f.code).join('; '),
        r.score ?? '',
        r.level ? (def.classification.levels.find((l) => l.key === r.level)?.label[loc] ?? r.level) : '',
        r.contradicts ? t('evaluation.xlsx.yes') : '',
      ]);
      if (r.contradicts) row.getCell(criteria.length + 9).font = { bold: true, color: { argb: 'FFC0392B' } };
    }
    if (!page.nextCursor) break;
    page = await review(deps, actor, { ...query, cursor: page.nextCursor, limit: 200 });
  }
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  return { fileName: `nhan-xet-noi-cu-tru-${vnDay(deps.clock.now()).replace(/-/g, '')}.xlsx`, buffer };
}
