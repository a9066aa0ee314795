// A page repeats its cell texts ("0" hundreds of times, labels in repeated headers); on traditional
// pages each label() runs opencc. One page read normalises each distinct text once.
import type { Normalizer } from '../normalize';

export function rememberingLabels(normalizer: Normalizer): Normalizer {
  const labels = new Map<string, string>();
  return {
    script: normalizer.script,
    plain: normalizer.plain,
    label(text) {
      let norm = labels.get(text);
      if (norm === undefined) {
        norm = normalizer.label(text);
        labels.set(text, norm);
      }
      return norm;
    },
  };
}
