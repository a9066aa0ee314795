// TXT-T3: a request count stated in the text (收到/受理申请 N 件) that 表三 does not bear out. The
// text may mean requests received, received incl. carried over, or handled: it is flagged only
// when it matches none of them. Neither side is known to be the right one, so the finding carries
// no expected/actual, only the figures in its message.
import { valueAt } from './figures';
import { num, text } from './message';
import { compare, decimalOf, sumOf, type Decimal } from '../normalize/decimal';
import { defineRule, NATIONAL } from './rule';

const NEW = 'requests.newReceived.total';
const CARRIED = 'requests.carriedOver.total';
const HANDLED = 'requests.totalProcessed.total';

export const txtT3 = defineRule('TXT-T3', 'warning', NATIONAL, ({ extraction }) => {
  const { figures, narrative, tablesFound } = extraction;
  if (!tablesFound.has('requests')) return [];
  const received = valueAt(figures, NEW);
  const carried = valueAt(figures, CARRIED);
  const handled = valueAt(figures, HANDLED);
  // Exact: two counts near 2^53 add up beyond what a JSON number holds.
  const withCarried = received !== undefined && carried !== undefined ? sumOf([received, carried]) : undefined;
  const readings: { value: Decimal; zh: string; en: string }[] = [
    received !== undefined && { value: decimalOf(received), zh: `本年新收 ${num(received)} 件`, en: `${num(received)} new` },
    withCarried !== undefined && {
      value: withCarried,
      zh: `加上年结转共 ${num(withCarried)} 件`,
      en: `${num(withCarried)} including those carried over`,
    },
    handled !== undefined && { value: decimalOf(handled), zh: `办理结果总计 ${num(handled)} 件`, en: `${num(handled)} handled` },
  ].filter((r) => r !== false);
  if (readings.length === 0) return [];
  const cells = [NEW, CARRIED, HANDLED].filter((k) => figures.has(k));
  return narrative
    .filter((item) => item.kind === 'requests' && !readings.some((r) => compare(r.value, decimalOf(item.value)) === 0))
    .map((item) => ({
      ...text(
        `正文称申请 ${num(item.value)} 件（“${item.text}”），与表三不符：${readings.map((r) => r.zh).join('，')}。`,
        `The text states ${num(item.value)} requests ("${item.text}"), which matches none of Table 3: ${readings.map((r) => r.en).join(', ')}.`,
      ),
      cells,
    }));
});
