// The analyzer content script: injected by the background only on report pages (or on "check this
// page"). Everything it does is in ./analyzer.tsx; the panel's CSS goes into its shadow root.
// (zod's jitless mode, which MV3 needs, is set by the schema modules themselves before they build.)
import '@/components/panel.css';
import { startAnalyzer } from './analyzer';
import { createKeep } from '@/components/snapshots/keep';

export default defineContentScript({
  registration: 'runtime',
  cssInjectionMode: 'ui',
  main(ctx) {
    // Keep and compare: save, the reader's flags, last year's snapshot for the YOY rules.
    const keep = createKeep(ctx);
    keep.connect(startAnalyzer(ctx, [keep.extension]));
  },
});
