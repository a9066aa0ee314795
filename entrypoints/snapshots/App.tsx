// The Snapshots page: every saved report, searchable and filterable; one opened as the panel shows
// it; versions compared; an agency year by year; export, import (with a plan the reader confirms),
// delete with undo; quarantined records listed with export. Data comes from utils/snapshots only.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { browser } from 'wxt/browser';
import {
  applyImport, deleteSnapshot, exportCsv, exportJson, exportQuarantineJson, listQuarantine, listSnapshots, localDate,
  agencyYears, planImport, readImportFile, restoreSnapshot, type Quarantined, type Snapshot,
} from '../../utils/snapshots';
import type { Lang } from '../../components/model';
import { download, parseHash, savedTime, snapshotName, toHash, versionLabel, type View } from './page';
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

const today = () => localDate(new Date().toISOString());

export function App({ lang }: { lang: Lang }) {
  const [snapshots, setSnapshots] = useState<Snapshot[] | null>(null);
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

  const reload = useCallback(async () => {
    setSnapshots(await listSnapshots());
    setQuarantined(await listQuarantine());
  }, []);

  useEffect(() => {
    void reload();
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

  useEffect(() => {
    if (status?.undo) undoRef.current?.focus();
  }, [status]);

  const go = (next: View) => {
    setView(next);
    history.pushState(null, '', toHash(next) || location.pathname);
  };

  const remove = async (s: Snapshot) => {
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

  const exportAs = (format: 'json' | 'csv', chosen: Snapshot[]) => {
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
  if (snapshots === null) body = <p>{i18n.t('snapshots.page.loading')}</p>;
  else if (view.kind === 'snapshot') {
    const s = snapshots.find((x) => x.id === view.id);
    body = s ? <SnapshotView snapshot={s} all={snapshots} lang={lang} go={go} onDelete={remove} /> : <Missing go={go} />;
  } else if (view.kind === 'compare') {
    body = (
      <CompareView
        versions={snapshots.filter((s) => s.url === view.url).reverse()}
        heading={i18n.t('snapshots.compare.heading')}
        about={i18n.t('snapshots.compare.url', [view.url])}
        label={versionLabel}
        lang={lang}
        go={go}
      />
    );
  } else if (view.kind === 'compareYears') {
    body = (
      <CompareView
        versions={agencyYears(snapshots, view.agency).map((y) => y.snapshot)}
        heading={i18n.t('ux.snapshots.yearsHeading', [view.agency])}
        about={i18n.t('ux.snapshots.yearsAbout')}
        label={(s) => i18n.t('ux.snapshots.yearLabel', [String(s.report.year), savedTime(s.savedAt)])}
        lang={lang}
        go={go}
      />
    );
  }
  else if (view.kind === 'agency') body = <AgencyView snapshots={snapshots} agency={view.agency} lang={lang} go={go} />;
  else {
    body = (
      <>
        <ListView snapshots={snapshots} lang={lang} focus={backToList} go={go} onDelete={remove} onExport={exportAs} onImportFile={startImport} />
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

function Missing({ go }: { go: (v: View) => void }) {
  return (
    <section>
      <p>{i18n.t('snapshots.error.missing')}</p>
      <button type="button" onClick={() => go({ kind: 'list' })}>{i18n.t('snapshots.view.back')}</button>
    </section>
  );
}
