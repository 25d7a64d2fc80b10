'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { describeMutationError } from '../../_components/mutation-error';
import { useTRPC } from '../../_trpc/client';

type Organisation = { name: string; url: string; logoUrl: string | null; methodology: string; correctionsPolicy: string; version: number | null };
type Rating = { key: string; label: string; color: string; description: string; value: number };
type ChecklistItem = { key: string; label: string; required: boolean };

function Feedback({ error, saved }: { error: unknown; saved: boolean }) {
  if (error) {
    const failure = describeMutationError(error);
    const details = Object.entries(failure.fieldErrors)
      .flatMap(([field, messages]) => (messages ?? []).map((m) => `${field}: ${m}`))
      .join(' ');
    return (
      <p role="alert" className="form-error">
        {failure.message} {details}
      </p>
    );
  }
  return saved ? (
    <p role="status" className="form-success">
      Saved.
    </p>
  ) : null;
}

export function OrganisationForm({ initial }: { initial: Organisation }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [saved, setSaved] = useState(false);
  const save = useMutation(
    trpc.desk.updateOrganisation.mutationOptions({
      onSuccess() {
        setSaved(true);
        router.refresh();
      },
    }),
  );
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    const data = new FormData(event.currentTarget);
    const read = (name: string) => String(data.get(name) ?? '');
    save.mutate({
      expectedVersion: initial.version,
      settings: {
        name: read('name'),
        url: read('url'),
        logoUrl: read('logoUrl').trim() || null,
        methodology: read('methodology'),
        correctionsPolicy: read('correctionsPolicy'),
      },
    });
  }
  return (
    <form className="form settings-form" onSubmit={onSubmit} aria-label="Organisation">
      <h2>Organisation</h2>
      <Feedback error={save.error} saved={saved} />
      <div className="field">
        <label htmlFor="org-name">Name</label>
        <input id="org-name" name="name" defaultValue={initial.name} />
      </div>
      <div className="field">
        <label htmlFor="org-url">Website URL</label>
        <input id="org-url" name="url" type="url" defaultValue={initial.url} />
      </div>
      <div className="field">
        <label htmlFor="org-logo">Logo URL</label>
        <input id="org-logo" name="logoUrl" type="url" defaultValue={initial.logoUrl ?? ''} />
      </div>
      <div className="field">
        <label htmlFor="org-methodology">Methodology (Markdown)</label>
        <textarea id="org-methodology" name="methodology" rows={6} defaultValue={initial.methodology} />
      </div>
      <div className="field">
        <label htmlFor="org-corrections">Corrections policy (Markdown)</label>
        <textarea id="org-corrections" name="correctionsPolicy" rows={4} defaultValue={initial.correctionsPolicy} />
      </div>
      <button type="submit" className="button" disabled={save.isPending}>
        Save organisation
      </button>
    </form>
  );
}

export function RatingScaleForm({ initial, version }: { initial: Rating[]; version: number | null }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [ratings, setRatings] = useState(initial);
  const [saved, setSaved] = useState(false);
  const save = useMutation(
    trpc.desk.updateRatingScale.mutationOptions({
      onSuccess() {
        setSaved(true);
        router.refresh();
      },
    }),
  );
  const update = (index: number, patch: Partial<Rating>) =>
    setRatings((current) => current.map((r, i) => (i === index ? { ...r, ...patch } : r)));
  return (
    <form
      className="form settings-form"
      aria-label="Rating scale"
      onSubmit={(event) => {
        event.preventDefault();
        setSaved(false);
        save.mutate({ ratings, expectedVersion: version });
      }}
    >
      <h2>Rating scale</h2>
      <Feedback error={save.error} saved={saved} />
      {ratings.map((rating, index) => (
        <fieldset key={index} className="settings-row">
          <legend>Rating {index + 1}</legend>
          <label>
            Key <input value={rating.key} onChange={(e) => update(index, { key: e.target.value })} />
          </label>
          <label>
            Label <input value={rating.label} onChange={(e) => update(index, { label: e.target.value })} />
          </label>
          <label>
            Value <input type="number" value={rating.value} onChange={(e) => update(index, { value: Number(e.target.value) })} />
          </label>
          <label>
            Colour <input type="color" value={rating.color} onChange={(e) => update(index, { color: e.target.value })} />
          </label>
          <label className="settings-wide">
            Description <input value={rating.description} onChange={(e) => update(index, { description: e.target.value })} />
          </label>
          <button type="button" className="button button-small button-secondary" onClick={() => setRatings(ratings.filter((_, i) => i !== index))}>
            Remove {rating.label || `rating ${index + 1}`}
          </button>
        </fieldset>
      ))}
      <div className="row-actions">
        <button
          type="button"
          className="button button-secondary"
          onClick={() => setRatings([...ratings, { key: '', label: '', value: 0, color: '#6b7280', description: '' }])}
        >
          Add a rating
        </button>
        <button type="submit" className="button" disabled={save.isPending}>
          Save rating scale
        </button>
      </div>
    </form>
  );
}

export function ChecklistForm({ initial, version }: { initial: ChecklistItem[]; version: number | null }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [items, setItems] = useState(initial);
  const [saved, setSaved] = useState(false);
  const save = useMutation(
    trpc.desk.updateChecklist.mutationOptions({
      onSuccess() {
        setSaved(true);
        router.refresh();
      },
    }),
  );
  const update = (index: number, patch: Partial<ChecklistItem>) =>
    setItems((current) => current.map((item, i) => (i === index ? { ...item, ...patch } : item)));
  return (
    <form
      className="form settings-form"
      aria-label="Checklist"
      onSubmit={(event) => {
        event.preventDefault();
        setSaved(false);
        save.mutate({ items, expectedVersion: version });
      }}
    >
      <h2>Checklist</h2>
      <p className="muted">A verdict cannot be proposed while a required item is unticked.</p>
      <Feedback error={save.error} saved={saved} />
      {items.map((item, index) => (
        <fieldset key={index} className="settings-row">
          <legend>Item {index + 1}</legend>
          <label>
            Key <input value={item.key} onChange={(e) => update(index, { key: e.target.value })} />
          </label>
          <label className="settings-wide">
            Label <input value={item.label} onChange={(e) => update(index, { label: e.target.value })} />
          </label>
          <label className="checkbox">
            <input type="checkbox" checked={item.required} onChange={(e) => update(index, { required: e.target.checked })} /> Required
          </label>
          <button type="button" className="button button-small button-secondary" onClick={() => setItems(items.filter((_, i) => i !== index))}>
            Remove {item.label || `item ${index + 1}`}
          </button>
        </fieldset>
      ))}
      <div className="row-actions">
        <button type="button" className="button button-secondary" onClick={() => setItems([...items, { key: '', label: '', required: true }])}>
          Add an item
        </button>
        <button type="submit" className="button" disabled={save.isPending}>
          Save checklist
        </button>
      </div>
    </form>
  );
}
