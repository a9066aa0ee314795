// The Snapshots page: every saved report, searchable and filterable; one opened as the panel shows
// it; versions compared; an agency year by year; export, import (with a plan the reader confirms),
// delete with undo; quarantined records listed with export. Data comes from utils/snapshots only:
// the list from the index's summaries, whole snapshots only where a view needs them (./load.ts).
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { browser } from 'wxt/browser';
import {
  applyImport, checkIndex, deleteSnapshot, exportCsv, exportJson, exportQuarantineJson, getSnapshots, listQuarantine, listSummaries, localDate,
  planImport, readImportFile, restoreSnapshot, type Quarantined, type Snapshot, type SnapshotSummary,
} from '../../utils/snapshots';
import type { Lang } from '../../components/model';
import { download, parseHash, savedTime, snapshotName, toHash, versionLabel, type Named, type View } from './page';
import { latestByYear, useSnapshots, versionChanges, type VersionChange } from './load';
import { ListView } from './ListView';
import { SnapshotView } from './SnapshotView';
import { CompareView } from './CompareView';
import { AgencyView } from './AgencyView';
import { ImportPlanView, type PendingImport } from './ImportPlanView';
import { QuarantineList } from './QuarantineList';

interface Status {
  text: string;
  /** A deleted snapshot the reader can put back. */
  undo?: Snapshot;
}

/** On the page's performance timeline: opening the page until its list is rendered (read by bench/snapshots.ts). */
const LIST_MEASURE = 'gkl:snapshots-page-list';

const today = () => localDate(new Date().toISOString());

/** The list as last read: the summaries, newest first, and what changed between a page's versions. */
interface Listing {
  summaries: SnapshotSummary[];
  changes: Map<string, VersionChange>;
}

export function App({ lang }: { lang: Lang }) {
  const [listing, setListing] = useState<Listing | null>(null);
  const snapshots = listing?.summaries ?? null;
  const [quarantined, setQuarantined] = useState<Quarantined[]>([]);
  const [view, setView] = useState<View>(() => parseHash(location.hash));
  const [status, setStatus] = useState<Status | null>(null);
  const [pending, setPending] = useState<PendingImport | null>(null);
  const undoRef = useRef<HTMLButtonElement>(null);
  // The list takes focus when the reader comes back to it from another view, not on first load.
  const lastKind = useRef(view.kind);
  const backToList = lastKind.current !== 'list';
  useEffect(() => {
    lastKind.current = view.kind;
  }, [view]);

  // Reloads are numbered: one run for each storage change, and an older, slower one can end after
  // a newer one; only the newest applies what it read.
  const reloads = useRef(0);
  const reload = useCallback(async () => {
    const n = ++reloads.current;
    if (n === 1) performance.mark(`${LIST_MEASURE}:start`);
    const summaries = await listSummaries();
    const changes = await versionChanges(summaries);
    if (n !== reloads.current) return;
    setListing({ summaries, changes });
    const quarantine = await listQuarantine();
    if (n !== reloads.current) return;
    setQuarantined(quarantine);
  }, []);

  useEffect(() => {
    // Once the list is shown: snapshots stored around the index (which the list cannot see) are
    // indexed, or quarantined; the storage change that makes reloads the list.
    void reload().then(() => checkIndex());
    // Another tab saving or deleting shows here at once.
    const onChanged = () => void reload();
    browser.storage.local.onChanged.addListener(onChanged);
    // Back/Forward between views, and a link to another #fragment.
    const onHash = () => setView(parseHash(location.hash));
    addEventListener('popstate', onHash);
    addEventListener('hashchange', onHash);
    return () => {
      browser.storage.local.onChanged.removeListener(onChanged);
      removeEventListener('popstate', onHash);
      removeEventListener('hashchange', onHash);
    };
  }, [reload]);

  // The page's open, from its first read to its list rendered: a measure `npm run bench` reads.
  const measured = useRef(false);
  useEffect(() => {
    if (!listing || measured.current) return;
    measured.current = true;
    performance.measure(LIST_MEASURE, `${LIST_MEASURE}:start`);
  }, [listing]);

  useEffect(() => {
    if (status?.undo) undoRef.current?.focus();
  }, [status]);

  const go = (next: View) => {
    setView(next);
    history.pushState(null, '', toHash(next) || location.pathname);
  };

  const remove = async (s: Named & { id: string }) => {
    const done = await deleteSnapshot(s.id);
    if (!done.ok) return setStatus({ text: done.message });
    setStatus({ text: i18n.t('snapshots.status.deleted', [snapshotName(s)]), undo: done.removed });
    if (view.kind !== 'list') go({ kind: 'list' });
    await reload();
  };

  const undo = async (s: Snapshot) => {
    const done = await restoreSnapshot(s);
    setStatus({ text: done.ok ? i18n.t('snapshots.status.restored', [snapshotName(s)]) : done.message });
    await reload();
  };

  const exportAs = async (format: 'json' | 'csv', listed: SnapshotSummary[]) => {
    // What is exported is read whole here, and only here.
    const chosen = await getSnapshots(listed.map((s) => s.id));
    const name = `gongkai-lens-snapshots-${today()}.${format}`;
    if (format === 'json') download(name, exportJson(chosen), 'application/json');
    else download(name, exportCsv(chosen), 'text/csv;charset=utf-8');
    setStatus({ text: i18n.t('snapshots.status.exported', [String(chosen.length)]) });
  };

  const startImport = async (file: File) => {
    let text: string;
    try {
      text = await file.text();
    } catch {
      return setStatus({ text: i18n.t('snapshots.import.readFailed') });
    }
    const read = readImportFile(text);
    if (!read.ok) return setStatus({ text: read.message });
    setStatus(null);
    setPending({ plan: await planImport(read.file), rejected: read.file.rejected });
  };

  const confirmImport = async (overwrite: Set<string>) => {
    if (!pending) return;
    const done = await applyImport(pending.plan, overwrite);
    setPending(null);
    setStatus({ text: done.ok ? i18n.t('snapshots.import.done', [String(done.written)]) : done.message });
    await reload();
  };

  const cancelImport = () => {
    setPending(null);
    setStatus({ text: i18n.t('snapshots.import.cancelled') });
  };

  let body;
  if (snapshots === null) body = <Loading />;
  else if (view.kind === 'snapshot') {
    const s = snapshots.find((x) => x.id === view.id);
    body = s ? <OpenSnapshot key={s.id} summary={s} all={snapshots} lang={lang} go={go} onDelete={remove} /> : <Missing go={go} />;
  } else if (view.kind === 'compare') {
    body = (
      <Loaded
        key={`compare ${view.url}`}
        wanted={snapshots.filter((s) => s.url === view.url).reverse()}
        show={(versions) => (
          <CompareView
            versions={versions}
            heading={i18n.t('snapshots.compare.heading')}
            about={i18n.t('snapshots.compare.url', [view.url])}
            label={versionLabel}
            lang={lang}
            go={go}
          />
        )}
      />
    );
  } else if (view.kind === 'compareYears') {
    body = (
      <Loaded
        key={`years ${view.agency}`}
        wanted={latestByYear(snapshots, view.agency).map((y) => y.snapshot)}
        show={(versions) => (
          <CompareView
            versions={versions}
            heading={i18n.t('ux.snapshots.yearsHeading', [view.agency])}
            about={i18n.t('ux.snapshots.yearsAbout')}
            label={(s) => i18n.t('ux.snapshots.yearLabel', [String(s.report.year), savedTime(s.savedAt)])}
            lang={lang}
            go={go}
          />
        )}
      />
    );
  }
  else if (view.kind === 'agency') {
    // Its latest report of each year, read whole (the totals are in the tables).
    const agency = view.agency;
    body = <Loaded key={`agency ${agency}`} wanted={latestByYear(snapshots, agency).map((y) => y.snapshot)} show={(years) => <AgencyView snapshots={years} agency={agency} lang={lang} go={go} />} />;
  }
  else {
    body = (
      <>
        <ListView snapshots={snapshots} changes={listing!.changes} lang={lang} focus={backToList} go={go} onDelete={remove} onExport={(format, chosen) => void exportAs(format, chosen)} onImportFile={startImport} />
        {pending && <ImportPlanView pending={pending} onConfirm={confirmImport} onCancel={cancelImport} />}
        {quarantined.length > 0 && (
          <QuarantineList entries={quarantined} onExport={() => download(`gongkai-lens-quarantine-${today()}.json`, exportQuarantineJson(quarantined), 'application/json')} />
        )}
      </>
    );
  }

  return (
    <div class="snapshots-page">
      <header>
        <h1>{i18n.t('snapshots.page.title')}</h1>
      </header>
      <div class="status-line">
        <p role="status" aria-live="polite" class="status">{status?.text ?? ''}</p>
        {status?.undo && (
          <button type="button" ref={undoRef} onClick={() => void undo(status.undo!)}>
            {i18n.t('snapshots.status.undo')}
          </button>
        )}
      </div>
      <main>{body}</main>
    </div>
  );
}

const Loading = () => <p>{i18n.t('snapshots.page.loading')}</p>;

/** A view of whole snapshots: `wanted` read (./load.ts: useSnapshots), then shown. */
function Loaded({ wanted, show }: { wanted: SnapshotSummary[]; show(snapshots: Snapshot[]): preact.ComponentChild }) {
  const snapshots = useSnapshots(wanted);
  return <>{snapshots === null ? <Loading /> : show(snapshots)}</>;
}

/** One snapshot, read whole when opened; gone meanwhile (deleted, or quarantined when read): said so. */
function OpenSnapshot({ summary, all, lang, go, onDelete }: { summary: SnapshotSummary; all: SnapshotSummary[]; lang: Lang; go(v: View): void; onDelete(s: Snapshot): void }) {
  const loaded = useSnapshots([summary]);
  if (loaded === null) return <Loading />;
  const s = loaded[0];
  return s ? <SnapshotView snapshot={s} all={all} lang={lang} go={go} onDelete={onDelete} /> : <Missing go={go} />;
}

function Missing({ go }: { go: (v: View) => void }) {
  return (
    <section>
      <p>{i18n.t('snapshots.error.missing')}</p>
      <button type="button" onClick={() => go({ kind: 'list' })}>{i18n.t('snapshots.view.back')}</button>
    </section>
  );
}
