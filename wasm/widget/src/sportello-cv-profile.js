// Profiles as the form keeps them: an empty one to start from, and the filled-in part that is
// rendered, exported and matched.

/** A new, empty profile in the language `lang`. */
export function emptyProfile(lang) {
  return { schema_version: 1, lang, person: { given_name: '', family_name: '' }, languages: { mother_tongues: ['it'] }, render: { template: 'europass', lang } };
}

/** The profile without list entries the person has not filled in yet, for rendering. */
export function completed(p) {
  const q = structuredClone(p);
  const keep = { work: 'role', volunteering: 'role', education: 'title', certifications: 'name', projects: 'name', skills: 'label', digital_skills: 'label' };
  for (const [list, key] of Object.entries(keep)) {
    if (Array.isArray(q[list])) {
      q[list] = q[list].filter((e) => String(e?.[key] ?? '').trim());
      if (!q[list].length) delete q[list];
    }
  }
  if (q.languages?.other) q.languages.other = q.languages.other.filter((l) => l.language);
  if (q.languages?.mother_tongues) q.languages.mother_tongues = q.languages.mother_tongues.filter(Boolean);
  return q;
}
