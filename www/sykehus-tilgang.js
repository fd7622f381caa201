// The hospital's own script for its Tilgangsordningen part 2 page: its inputs have its own
// names and option values, its layout its own wrappers (.felt). Everything the guard needs to
// know about that is said with the documented options; nothing here touches the guard's
// insides. When the guard seals the application, the page posts the sealed package to its own
// back end (the form's action), which checks it again with `skjemavakt seal`.
import { attach } from './skjemavakt-guard.js';

const form = document.getElementById('tilgang');
const receipt = document.getElementById('kvittering');
const csrf = form.elements.namedItem('_csrf').value;

form.addEventListener('skjemavakt:unsealed', () => {
  receipt.textContent = '';
  delete document.body.dataset.received;
});

const guard = await attach(form, {
  kind: 'tilgang-del2',
  lang: 'nb',
  // Part 1 stays in the record: its box is outside the form, and the guard only reads it.
  part1: document.getElementById('del1'),
  names: {
    del1_navn: '/patient/name',
    del1_fnr: '/patient/national_id',
    ref: '/reference',
    lege_navn: '/application/applicant_name',
    samtykke: '/application/consent_confirmed',
    pas_kjonn: '/patient/legal_sex',
    pas_fodt: '/patient/birth_year',
    opptak: '/patient/catchment_area',
    diagnose: '/patient/diagnosis',
    sykehistorie: '/patient/medical_history',
    funksjon: '/patient/function_level',
    npr: '/patient/npr_id',
    legemiddel: '/treatment/drug',
    nm_id: '/treatment/nye_metoder_id',
    varighet: '/treatment/duration',
    maal: '/treatment/goal',
    maal_annet: '/treatment/goal_other',
    dosering: '/treatment/dosage',
    evaluering: '/treatment/evaluation_plan',
    stopp: '/treatment/stop_criteria',
    kost_lm: '/costs/drug_per_month',
    prisgrunnlag: '/costs/price_basis',
    kost_andre: '/costs/other_per_month',
    kost_ekstra: '/costs/extra_resources/amount_per_month',
    kost_ekstra_besk: '/costs/extra_resources/description',
    nytte: '/exceptionality/increased_benefit/claimed',
    nytte_begr: '/exceptionality/increased_benefit/justification',
    alvor: '/exceptionality/higher_severity/claimed',
    alvor_begr: '/exceptionality/higher_severity/justification',
    saerskilt: '/exceptionality/special_medical_reasons/claimed',
    saerskilt_begr: '/exceptionality/special_medical_reasons/justification',
    totalvurdering: '/overall_assessment',
    lit1_tittel: '/literature/0/title',
    lit1_lenke: '/literature/0/url',
    lit2_tittel: '/literature/1/title',
    lit2_lenke: '/literature/1/url',
    ll_navn: '/approvals/line_manager/name',
    ll_begr: '/approvals/line_manager/justification',
    ll_ok: '/approvals/line_manager/approved',
    fd_navn: '/approvals/medical_director/name',
    fd_begr: '/approvals/medical_director/justification',
    fd_ok: '/approvals/medical_director/approved',
    fd_ferdig: '/approvals/medical_director/form_complete',
  },
  // The hospital's own option values, both ways.
  values: {
    '/patient/legal_sex': { K: 'female', M: 'male' },
    '/treatment/goal': { kurativ: 'curative', livsforlengende: 'life_prolonging', symptomlindrende: 'symptom_relief', annet: 'other' },
    '/costs/price_basis': { avtale: 'agreement', maks: 'maximum' },
  },
  // The page knows which health trust it belongs to; there is no input for it.
  transform: (doc) => {
    doc.application = { ...doc.application, health_trust: 'HBE' };
    return doc;
  },
  // The receipt option is the page's own, not part of the application.
  ignore: '[name="kvittering"]',
  // Each field's own wrapper carries the error style.
  group: (el) => el.closest('.felt'),
  onSealed: async (sealed) => {
    const res = await fetch(form.action, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf },
      // The whole package: its kept list (findings the physician kept as false alarms) is inside
      // the digest, and the server's check refuses the package without it.
      body: JSON.stringify({ sealed }),
    });
    const answer = await res.json();
    receipt.textContent = answer.accepted
      ? `Søknaden er mottatt og kontrollert av sykehusets server (kontrollsum ${answer.sha256.slice(0, 16)} …).`
      : `Serveren avviste søknaden: ${answer.reason}.`;
    document.body.dataset.received = answer.accepted ? 'yes' : 'no';
  },
});
window.skjemavaktGuard = guard;
document.body.dataset.skjemavakt = 'ready';
