// The CV editor page of the console: loads the person's profile from the file into
// <sportello-cv>, and saves it back with the version it was loaded at (a save over
// someone else's change comes back as a conflict, shown as the server words it). The
// widget's draft in this browser is removed after loading and after saving: the file is
// the only copy.
const box = document.getElementById('cv-editor');
const editor = box?.querySelector('sportello-cv');
const status = document.getElementById('cv-status');
const KEY = editor?.getAttribute('storage-key');
let version = null;

async function load() {
  const res = await fetch(`/api/people/${box.dataset.person}`, { credentials: 'same-origin' });
  const file = await res.json();
  if (!res.ok) throw new Error(file.error?.[document.documentElement.lang === 'en' ? 'en' : 'it'] ?? res.statusText);
  await customElements.whenDefined('sportello-cv');
  await editor.ready;
  editor.profile = file.profile;
  version = file.person.version;
  if (KEY) localStorage.removeItem(KEY);
}

async function save() {
  const res = await fetch(`/api/people/${box.dataset.person}/profile`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': box.dataset.csrf },
    body: JSON.stringify({ profile: editor.profile, version }),
  });
  const answer = await res.json().catch(() => ({}));
  if (res.ok) {
    status.textContent = box.dataset.saved;
    status.className = 'done';
    const reread = await fetch(`/api/people/${box.dataset.person}`, { credentials: 'same-origin' });
    if (reread.ok) version = (await reread.json()).person.version;
    if (KEY) localStorage.removeItem(KEY);
  } else {
    const lang = document.documentElement.lang === 'en' ? 'en' : 'it';
    const e = answer.error ?? {};
    status.textContent = `${box.dataset.conflict} ${e.field ? `${e.field}: ` : ''}${e[lang] ?? res.statusText}`;
    status.className = 'problem';
  }
}

if (box && editor) {
  load().catch((e) => {
    status.textContent = `${box.dataset.conflict} ${e.message}`;
    status.className = 'problem';
  });
  box.querySelector('[data-save-cv]')?.addEventListener('click', () => save());
}
