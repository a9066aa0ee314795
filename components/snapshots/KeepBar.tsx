// The keep bar in the panel's toolbar: "保存快照", the last outcome (announced) with its follow-up
// (open the snapshot, undo a removal), and the flag form. Its state lives in the keep controller,
// so it survives the panel being collapsed and re-rendered; the bar only subscribes to it.
import { useEffect, useLayoutEffect, useReducer, useRef, useState } from 'preact/hooks';
import { render, type ComponentChildren } from 'preact';
import { i18n } from '#i18n';
import { FLAG_KINDS, type Flag, type FlagKind } from '@/utils/snapshots';

// What the bar reads and calls; the keep controller (./keep.tsx) implements it.
/** The last outcome, shown in the panel's live region. */
export interface KeepStatus {
  text: string;
  failed: boolean;
  /** After a save: the snapshot the Snapshots page can open. */
  snapshotId?: string;
  /** After a removal: the flag "undo" puts back, and the cell's name. */
  removed?: { flag: Flag; cell: string };
}

/** The flag form: a new flag on `key`, or `flag` being edited. */
export interface FlagForm {
  key: string;
  flag?: Flag;
  /** The cell as the form names it ("（一）予以公开 · 自然人（7）"). */
  cell: string;
  /** Where focus returns when the form closes (the button that opened it), if any. */
  opener: HTMLElement | null;
}

export interface KeepState {
  status: KeepStatus | null;
  form: FlagForm | null;
  saving: boolean;
}

/** What the panel's keep bar reads and calls. */
export interface KeepControls {
  state(): KeepState;
  subscribe(listener: () => void): () => void;
  save(): Promise<void>;
  /** Adds or updates the form's flag; false (form stays open, text kept) when the write failed. */
  submitFlag(form: FlagForm, kind: FlagKind, note: string): Promise<boolean>;
  closeForm(): void;
  undoRemove(removed: NonNullable<KeepStatus['removed']>): Promise<void>;
  openSnapshot(id: string): void;
}


function useKeepState(keep: KeepControls) {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const shown = keep.state();
  useEffect(() => {
    const unsubscribe = keep.subscribe(() => rerender(undefined));
    // Effects run after the paint: a change between this render and the subscription (a save that
    // finished meanwhile) would otherwise stay unseen until the next one.
    if (keep.state() !== shown) rerender(undefined);
    return unsubscribe;
  }, [keep]);
  return shown;
}

const kindLabel = (kind: FlagKind) => i18n.t(kind === 'wrong' ? 'flags.wrong' : 'flags.doubtful');

const FORM_TITLE_ID = 'gkl-flag-form-title';

function FlagFormView({ form, keep }: { form: FlagForm; keep: KeepControls }) {
  const [kind, setKind] = useState<FlagKind>(form.flag?.kind ?? 'doubtful');
  const [note, setNote] = useState(form.flag?.note ?? '');
  const [busy, setBusy] = useState(false);
  const checked = useRef<HTMLInputElement>(null);

  // After the panel has served its own focus request (opening from the context menu focuses its
  // heading in the same flush of effects), so the form is where the reader continues.
  useEffect(() => {
    const timer = setTimeout(() => checked.current?.focus());
    return () => clearTimeout(timer);
  }, [form]);

  const close = () => {
    keep.closeForm();
    if (form.opener?.isConnected) form.opener.focus();
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    const done = await keep.submitFlag(form, kind, note.trim());
    setBusy(false);
    if (done && form.opener?.isConnected) form.opener.focus();
  };

  return (
    <form
      class="flag-form"
      aria-labelledby={FORM_TITLE_ID}
      onSubmit={submit}
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        // Escape closes the form, not the whole panel.
        e.preventDefault();
        e.stopPropagation();
        close();
      }}
    >
      <h4 id={FORM_TITLE_ID}>{i18n.t(form.flag ? 'flags.form.edit' : 'flags.form.new', [form.cell])}</h4>
      <fieldset>
        <legend>{i18n.t('flags.form.kind')}</legend>
        {FLAG_KINDS.map((k) => (
          <label key={k} class={`flag-kind kind-${k}`}>
            <input type="radio" name="gkl-flag-kind" value={k} checked={kind === k} ref={kind === k ? checked : undefined} onChange={() => setKind(k)} />
            {kindLabel(k)}
          </label>
        ))}
      </fieldset>
      <label class="flag-note">
        <span>{i18n.t('flags.form.note')}</span>
        <textarea rows={2} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
      </label>
      <div class="form-buttons">
        <button type="submit" class="primary" disabled={busy}>
          {i18n.t('flags.form.save')}
        </button>
        <button type="button" onClick={close}>
          {i18n.t('flags.form.cancel')}
        </button>
      </div>
    </form>
  );
}

/**
 * The flag form opens beside what it is about: under the finding whose 标记存疑 opened it, or under
 * the table whose figure did; from the page's context menu (no opener in the panel), in the toolbar.
 */
function Beside({ opener, children }: { opener: HTMLElement | null; children: ComponentChildren }) {
  const target = opener?.isConnected ? (opener.closest('li.item') ?? opener.closest('section.table')) : null;
  const host = useRef<HTMLDivElement | null>(null);
  // A root of its own appended to the target (the panel's own tree keeps its children as they are).
  useLayoutEffect(() => {
    if (!target) return;
    const div = target.ownerDocument.createElement('div');
    div.className = 'beside';
    target.append(div);
    host.current = div;
    return () => {
      render(null, div);
      div.remove();
      host.current = null;
    };
  }, [target]);
  useLayoutEffect(() => {
    if (host.current) render(children, host.current);
  });
  return target ? null : children;
}

export function KeepBar({ keep }: { keep: KeepControls }) {
  const { status, form, saving } = useKeepState(keep);
  const undo = useRef<HTMLButtonElement>(null);
  const removed = status?.removed;

  // The removed flag's buttons are gone: focus goes to its "undo".
  useEffect(() => {
    if (removed) undo.current?.focus();
  }, [removed]);

  return (
    <div class="keep">
      <button type="button" class="save" disabled={saving} onClick={() => void keep.save()}>
        {saving ? i18n.t('save.saving') : i18n.t('save.button')}
      </button>
      <div class="keep-status">
        <span class={status?.failed ? 'text failed' : 'text'} role="status" aria-live="polite">
          {status?.text ?? ''}
        </span>
        {status?.snapshotId && (
          <button type="button" class="open-snapshot" onClick={() => keep.openSnapshot(status.snapshotId!)}>
            {i18n.t('save.open')}
          </button>
        )}
        {removed && (
          <button type="button" class="undo" ref={undo} aria-label={i18n.t('flags.undoOn', [removed.cell])} onClick={() => void keep.undoRemove(removed)}>
            {i18n.t('flags.undo')}
          </button>
        )}
      </div>
      {form && <Beside opener={form.opener}>{<FlagFormView key={`${form.key}:${form.flag?.id ?? ''}`} form={form} keep={keep} />}</Beside>}
    </div>
  );
}
