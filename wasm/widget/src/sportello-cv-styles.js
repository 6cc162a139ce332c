// The stylesheet of <sportello-cv>'s shadow root.

export const CSS = `
:host { display: block; color: #1a1a1a; background: #fff; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; --accent: #1f5f7a; --accent-dark: #164659; --err: #b3261e; --muted: #4a5560; --line: #8a96a0; --soft: #f2f6f8; }
* { box-sizing: border-box; }
[hidden] { display: none !important; }
.root { max-width: 1400px; margin: 0 auto; }
header { display: flex; flex-wrap: wrap; align-items: flex-start; justify-content: space-between; gap: .5rem 1rem; margin-bottom: .5rem; }
h2 { font-size: 1.6rem; margin: 0; }
h3 { font-size: 1.2rem; margin: 0 0 .5rem; color: var(--accent-dark); }
h3:focus { outline: none; }
h4 { font-size: 1.05rem; margin: 0; }
.intro { margin: .25rem 0 0; color: var(--muted); max-width: 60ch; }
nav ol { list-style: none; display: flex; flex-wrap: wrap; gap: .4rem; padding: 0; margin: .75rem 0 1rem; counter-reset: step; }
nav li { counter-increment: step; }
nav button::before { content: counter(step) ". "; }
.layout { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 1.5rem; }
@media (max-width: 960px) { .layout { grid-template-columns: minmax(0, 1fr); } }
section.card { border: 1px solid #c9d3da; border-radius: 8px; padding: 1rem 1.1rem; margin-bottom: 1rem; background: #fff; }
.field { margin: 0 0 .8rem; }
.row { display: grid; grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr)); gap: 0 1rem; }
label, .label { display: block; font-weight: 600; margin-bottom: .2rem; }
.req { color: var(--err); font-weight: 400; font-size: .9em; }
input[type=text], input[type=email], input[type=tel], input[type=number], select, textarea {
  width: 100%; font: inherit; color: inherit; background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: .45rem .55rem; min-height: 2.5rem; }
textarea { min-height: 5.5rem; resize: vertical; }
input[aria-invalid=true], select[aria-invalid=true], textarea[aria-invalid=true] { border: 2px solid var(--err); }
.check { display: flex; gap: .5rem; align-items: flex-start; font-weight: 400; margin: .3rem 0; }
.check input { width: 1.2rem; height: 1.2rem; margin-top: .2rem; flex: none; }
.checks { display: grid; grid-template-columns: repeat(auto-fill, minmax(13rem, 1fr)); gap: 0 1rem; }
fieldset { border: 1px solid #c9d3da; border-radius: 6px; padding: .6rem .9rem .2rem; margin: 0 0 .9rem; }
legend { font-weight: 600; padding: 0 .3rem; }
.hint { color: var(--muted); font-size: .9rem; margin: .2rem 0 0; }
.error { color: var(--err); font-weight: 600; font-size: .92rem; margin: .25rem 0 0; }
.error::before { content: "⚠ "; }
button, .button { font: inherit; font-weight: 600; border-radius: 6px; border: 2px solid var(--accent); background: #fff; color: var(--accent-dark); padding: .4rem .8rem; min-height: 2.5rem; cursor: pointer; display: inline-flex; align-items: center; gap: .3rem; text-decoration: none; }
button.primary { background: var(--accent); color: #fff; }
button.primary:hover { background: var(--accent-dark); }
button:hover { background: var(--soft); }
button.link { border: none; background: none; padding: .2rem .3rem; min-height: auto; text-decoration: underline; }
button.small { padding: .15rem .5rem; min-height: 2rem; font-size: .92rem; }
:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
input:focus-visible, select:focus-visible, textarea:focus-visible { outline: 3px solid var(--accent); outline-offset: 1px; }
.actions { display: flex; flex-wrap: wrap; gap: .6rem; align-items: center; }
.file { position: relative; }
.file input { position: absolute; opacity: 0; width: 1px; height: 1px; }
.file input:focus-visible + span { outline: 3px solid var(--accent); outline-offset: 2px; }
.preview { position: sticky; top: .5rem; }
.pages { background: #e3e8eb; border-radius: 8px; padding: .75rem; min-height: 12rem; max-height: calc(100vh - 9rem); overflow: auto; }
.pages .page { background: #fff; box-shadow: 0 1px 4px rgba(0,0,0,.25); margin: 0 0 .75rem; }
.pages .page svg { display: block; width: 100%; height: auto; }
.placeholder { color: var(--muted); padding: 2rem 1rem; text-align: center; }
.stale { color: var(--err); font-weight: 600; margin: .4rem 0; }
.warnings { color: var(--muted); font-size: .9rem; padding-left: 1.2rem; margin: .4rem 0; }
.problems { border: 2px solid var(--err); border-radius: 8px; padding: .6rem 1rem; margin: 0 0 1rem; }
.problems h3 { color: var(--err); }
.problems ul { margin: 0; padding-left: 1.2rem; }
.status { min-height: 1.5rem; color: var(--accent-dark); font-weight: 600; margin: .25rem 0; }
.privacy { font-size: .92rem; color: var(--muted); border-left: 4px solid var(--accent); padding: .2rem .7rem; margin: .75rem 0; }
.combo { position: relative; }
[role=listbox] { position: absolute; z-index: 5; left: 0; right: 0; top: 100%; margin: 2px 0 0; padding: 0; list-style: none; background: #fff; border: 1px solid var(--line); border-radius: 6px; box-shadow: 0 4px 14px rgba(0,0,0,.18); max-height: 18rem; overflow: auto; }
[role=option] { padding: .45rem .6rem; cursor: pointer; }
[role=option][aria-selected=true], [role=option]:hover { background: var(--accent); color: #fff; }
[role=option][aria-selected=true] .sub, [role=option]:hover .sub { color: #fff; }
.sub { display: block; font-size: .85rem; color: var(--muted); }
.chips { list-style: none; padding: 0; margin: .5rem 0; display: grid; gap: .4rem; }
.chips li { display: flex; flex-wrap: wrap; align-items: center; gap: .3rem .6rem; background: var(--soft); border-radius: 6px; padding: .3rem .5rem; }
.chips .name { font-weight: 600; flex: 1 1 10rem; }
.chips select { width: auto; min-height: 2rem; padding: .1rem .3rem; }
.badge { font-size: .8rem; color: var(--accent-dark); background: #fff; border: 1px solid #9fb6c3; border-radius: 4px; padding: 0 .35rem; }
.suggest { display: flex; flex-wrap: wrap; gap: .4rem; margin: .4rem 0 .8rem; }
.photo-row { display: flex; gap: 1rem; align-items: center; flex-wrap: wrap; }
.photo-row img { width: 72px; height: 90px; object-fit: cover; border-radius: 4px; border: 1px solid var(--line); }
table.cefr { border-collapse: collapse; font-size: .92rem; margin: .4rem 0; }
table.cefr th, table.cefr td { text-align: left; vertical-align: top; padding: .2rem .5rem; border-bottom: 1px solid #d5dde2; }
.grid5 { display: grid; grid-template-columns: repeat(auto-fill, minmax(9.5rem, 1fr)); gap: 0 .8rem; }
details summary { cursor: pointer; color: var(--accent-dark); font-weight: 600; }
.matches ol { list-style: none; padding: 0; margin: .5rem 0; display: grid; gap: .75rem; }
.match { border: 1px solid #c9d3da; border-left: 6px solid var(--accent); border-radius: 6px; padding: .6rem .8rem; }
.match.excluded { border-left-color: #6b6b6b; }
.match .meta { color: var(--muted); margin: .1rem 0 .3rem; }
.score { font-weight: 700; color: var(--accent-dark); }
.match.excluded .score { color: #4d4d4d; }
.reasons ul { margin: .2rem 0 .5rem; padding-left: 1.2rem; }
.reasons h5 { margin: .4rem 0 0; font-size: .95rem; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;
