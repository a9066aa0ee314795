// Is a page traditional or simplified? Counted on characters that exist in only one of the two
// scripts, so no converter is needed to decide (the converter is the expensive part).
export type Script = 'simplified' | 'traditional';

const TRADITIONAL = '開報發會國請辦處與為數結轉關門時這來對說現書體區縣機務審復訟議護權證訊網單總計實際應頁條規範傳員農東設劃屬無況變據當經濟歷們兩從廣產導';
const SIMPLIFIED = '开报发会国请办处与为数结转关门时这来对说现书体区县机务审复讼议护权证讯网单总计实际应页条规范传员农东设划属无况变据当经济历们两从广产导';

// Counted by regular expressions: on a page's first (cold) run a character class scans natively,
// where a loop over the characters runs in the interpreter (~1 ms against ~5 ms in Chromium).
const TRADITIONAL_ONLY = new RegExp(`[${TRADITIONAL}]`, 'g');
const SIMPLIFIED_ONLY = new RegExp(`[${SIMPLIFIED}]`, 'g');

/** Traditional when traditional-only characters clearly outnumber simplified-only ones. */
export function detectScript(text: string): Script {
  const sample = text.length > 20000 ? text.slice(0, 20000) : text;
  const t = sample.match(TRADITIONAL_ONLY)?.length ?? 0;
  const s = sample.match(SIMPLIFIED_ONLY)?.length ?? 0;
  return t >= 5 && t > s * 2 ? 'traditional' : 'simplified';
}
