// A hospital web developer's app: the package's functions, and the drop-in guard on a form
// built from the package's own field list. The headless run reads what it did from #out.
import init, * as sv from 'skjemavakt';
import type { Part1, Sealed, TilgangDel2, TilgangDel2Draft, DiagnosticCode } from 'skjemavakt';
import { attach } from 'skjemavakt/guard';
import 'skjemavakt/guard.css';
import schema from 'skjemavakt/schemas/tilgang-del2.submission.json';

const part2: TilgangDel2 = {
  form: 'tilgang-del2',
  reference: '2025-05-12-HBE-ONK',
  application: { health_trust: 'Helse Bergen', applicant_name: 'Overlege Ingrid Solberg', consent_confirmed: true },
  patient: {
    legal_sex: 'female',
    birth_year: 1974,
    catchment_area: 'Helse Bergen',
    diagnosis: 'Ikke-småcellet lungekreft (C34.1), stadium IV, ROS1-fusjon påvist.',
    medical_history: 'Diagnostisert mars 2023. Behandlet med crizotinib med god respons i 14 måneder, deretter progresjon.',
    function_level: 'ECOG 1. Klarer seg selv i hjemmet.',
    npr_id: 'HBE-4f1c2a9e-77b0',
  },
  treatment: {
    drug: 'Repotrectinib (Augtyro) 40 mg kapsler',
    nye_metoder_id: 'ID2023_013',
    dosage: '160 mg daglig i 14 dager, deretter 160 mg to ganger daglig.',
    duration: '12 måneder',
    goal: 'life_prolonging',
    evaluation_plan: 'CT etter 8 og 16 uker, deretter hver 12. uke.',
    stop_criteria: 'Radiologisk progresjon eller uakseptable bivirkninger.',
  },
  costs: { drug_per_month: 'kr 245 000', price_basis: 'maximum', other_per_month: '12 500' },
  exceptionality: {
    increased_benefit: { claimed: true, justification: 'Intrakraniell responsrate langt over gruppen beslutningen bygger på.' },
    higher_severity: { claimed: false },
    special_medical_reasons: { claimed: false },
  },
  overall_assessment: 'Pasienten skiller seg vesentlig fra hovedgruppen.',
  literature: [{ title: 'Repotrectinib in ROS1 Fusion-Positive NSCLC (TRIDENT-1)', url: 'https://doi.org/10.1056/NEJMoa2302299' }],
  approvals: {
    line_manager: { name: 'Avdelingssjef Per Olav Haugland', justification: 'Anbefales.', approved: true },
    medical_director: { name: 'Fagdirektør Marte Lie', justification: 'Kriteriene er oppfylt.', approved: true, form_complete: true },
  },
};

const part1: Part1 = {
  reference: '2025-05-12-HBE-ONK',
  patient: { name: 'Kari Nordmann', national_id: '14037410021' },
};

const out: Record<string, unknown> = {};
const done = (state: string) => {
  (document.getElementById('out') as HTMLElement).textContent = JSON.stringify(out);
  document.body.dataset.state = state;
};

async function main() {
  await init();
  out.version = sv.version();
  // Options left out, as everywhere.
  out.valid = sv.validate(part2).valid;
  out.approval = sv.validate({ form: 'tilgang-del2' }, { stage: 'approval', lang: 'en' }).diagnostics.length;
  const draft: TilgangDel2Draft = { form: 'tilgang-del2', patient: { medical_history: 'Ring Kari på 912 34 567.' } };
  out.found = sv.scan(draft, part1).findings.map((f) => f.kind);
  const text: string | null = sv.redact('Ring meg på 912 34 567.').redacted;
  out.redactedText = text;
  const doc: TilgangDel2Draft | null = sv.redact(draft, part1).redacted;
  out.redactedDoc = doc?.patient?.medical_history ?? null;
  out.reference = sv.checkReference('[2025-05-12]-[Helse Bergen]-[onk]').reference;
  out.trusts = sv.registry().length;
  const code: DiagnosticCode = sv.rules()[0].code;
  out.firstCode = code;
  out.schemaId = schema.$id;
  out.schemaFromWasm = sv.schema('tilgang-del2')?.schema?.$id ?? null;

  // The form, from the package's own list of the kind's fields (list entries: one row).
  const felter = document.getElementById('felter') as HTMLElement;
  for (const f of sv.fields('tilgang-del2').fields) {
    if (f.type === 'object' || f.type === 'list') continue;
    const name = f.path.replace('/-/', '/0/');
    const wrap = document.createElement('div');
    wrap.className = 'sv-form-group';
    const label = document.createElement('label');
    label.textContent = f.label;
    label.htmlFor = 'f' + name.replaceAll('/', '_');
    let input: HTMLInputElement | HTMLSelectElement;
    if (f.type === 'enum') {
      input = document.createElement('select');
      for (const v of ['', ...(f.values ?? [])]) input.append(new Option(v, v));
    } else {
      input = document.createElement('input');
      if (f.type === 'bool') input.type = 'checkbox';
    }
    input.id = label.htmlFor;
    input.name = name;
    wrap.append(label, input);
    felter.append(wrap);
  }
  const form = document.getElementById('soknad') as HTMLFormElement;
  const sealed = await new Promise<Sealed>((resolve, reject) => {
    attach(form, {
      kind: 'tilgang-del2',
      part1,
      onSealed: (s, d) => {
        out.sealedForm = d.form;
        resolve(s);
      },
    })
      .then((guard) => {
        out.warnings = guard.warnings.map((w) => w.code);
        guard.fill(part2);
        form.requestSubmit();
      })
      .catch(reject);
  });
  out.sha256 = sealed.sha256;
  out.sealedAt = sealed.sealedAt ?? null;
  const r = sv.render(sealed, { lang: 'nb' });
  out.render = r.ok;
  out.htmlHasDigest = r.html?.includes(sealed.sha256) ?? false;
  out.printable = document.querySelector('a.sv-printable')?.getAttribute('download') ?? null;
  done('done');
}

main().catch((e: unknown) => {
  out.error = String(e);
  done('error');
});
