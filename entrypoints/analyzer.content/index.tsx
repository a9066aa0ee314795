// The analyzer content script: injected by the background only on report pages (or on "check this
// page"). Everything it does is in ./analyzer.tsx; the panel's CSS goes into its shadow root.
// (zod's jitless mode, which MV3 needs, is set by the schema modules themselves before they build.)
import '@/components/panel.css';
import { startAnalyzer, timeStep } from './analyzer';
import { createAttachmentReader } from './attachment';
import { analyzeDocument } from '@/lib/analyze';
import { AnalyzerContext } from './context';
import { createKeep } from '@/components/snapshots/keep';

export default defineContentScript({
  registration: 'runtime',
  cssInjectionMode: 'ui',
  main(wxtContext) {
    // WXT's context ends on an event any page can dispatch: the analyzer lives in its own (./context.ts).
    const ctx = new AnalyzerContext(wxtContext.options);
    // Keep and compare: save, the reader's flags, last year's snapshot for the YOY rules.
    const keep = createKeep(ctx);
    // A report in an attachment (附件：….pdf): read on the reader's click, shown in this panel.
    const attachment = createAttachmentReader(ctx);
    const analyzer = startAnalyzer(ctx, [keep.extension, attachment.extension], {
      read: (previous) => attachment.read(analyzeDocument(document, { source: location.href, previous, time: timeStep }), previous),
    });
    keep.connect(analyzer);
    attachment.connect(analyzer);
  },
});
