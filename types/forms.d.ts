// Generated from the form schema (src/forms/) and the rule catalogue (src/catalogue.rs)
// by `cargo run --example generated`. Do not edit by hand: a test fails when this file is out of date.

/** The form kinds. */
export type FormKind = "tilgang-del1" | "tilgang-del2" | "hb-exception-single" | "hb-exception-group" | "hb-offlabel-single"
  | "hb-offlabel-group";

/** The stages: `draft` checks formats only, `approval` what the physician fills in, `submission` also the approvals. */
export type Stage = "draft" | "approval" | "submission" | "decision";

/** Søknadsskjema tilgangsordningen – del 1 – om pasienten og samtykke (`tilgang-del1`), complete at submission: what the form requires then is required here. */
export interface TilgangDel1 {
  /** Skjema */
  form: "tilgang-del1";
  /** Referansenummer (at most 300 characters) */
  reference: string;
  /** Om pasienten */
  patient: {
    /** Pasientens navn (at most 300 characters) */
    name: string;
    /** Fødselsnummer (at most 300 characters) */
    national_id: string;
  };
  /** Behandlingsansvarlig leges navn (at most 300 characters) */
  physician_name: string;
  /** Sted (at most 300 characters) */
  place: string;
  /** Dato (at most 300 characters) */
  date: string;
  /** Pasienten har signert */
  patient_signed: boolean;
}

/** Søknadsskjema tilgangsordningen – del 1 – om pasienten og samtykke (`tilgang-del1`) as it is being filled in: every member optional but `form`. */
export interface TilgangDel1Draft {
  /** Skjema */
  form: "tilgang-del1";
  /** Referansenummer (at most 300 characters) */
  reference?: string;
  /** Om pasienten */
  patient?: {
    /** Pasientens navn (at most 300 characters) */
    name?: string;
    /** Fødselsnummer (at most 300 characters) */
    national_id?: string;
  };
  /** Behandlingsansvarlig leges navn (at most 300 characters) */
  physician_name?: string;
  /** Sted (at most 300 characters) */
  place?: string;
  /** Dato (at most 300 characters) */
  date?: string;
  /** Pasienten har signert */
  patient_signed?: boolean;
}

/** Søknadsskjema tilgangsordningen – del 2 – søknad (`tilgang-del2`), complete at submission: what the form requires then is required here. */
export interface TilgangDel2 {
  /** Skjema */
  form: "tilgang-del2";
  /** Referansenummer (at most 300 characters) */
  reference: string;
  /** Om søknaden */
  application: {
    /** Helseforetak søknaden sendes fra (at most 300 characters) */
    health_trust: string;
    /** Søkers navn (behandlingsansvarlig lege) (at most 300 characters) */
    applicant_name: string;
    /** Pasienten har gitt samtykke */
    consent_confirmed: boolean;
  };
  /** Om pasienten */
  patient: {
    /** Juridisk kjønn: `female` (Kvinne), `male` (Mann) */
    legal_sex: "female" | "male";
    /** Fødselsår */
    birth_year: number | string;
    /** Opptaksområde (at most 300 characters) */
    catchment_area: string;
    /** Diagnose det søkes behandling for (at most 20000 characters) */
    diagnosis: string;
    /** Oppsummering av sykehistorikk (at most 20000 characters) */
    medical_history: string;
    /** Nåværende funksjons-/mestringsnivå (at most 20000 characters) */
    function_level: string;
    /** NPR-ID (at most 300 characters) */
    npr_id?: string;
  };
  /** Omsøkt behandling */
  treatment: {
    /** Legemiddel (som i Felleskatalogen) (at most 300 characters) */
    drug: string;
    /** ID-nummer i Nye metoder (at most 300 characters) */
    nye_metoder_id: string;
    /** Forventet dosering (at most 20000 characters) */
    dosage: string;
    /** Forventet behandlingsvarighet (at most 300 characters) */
    duration: string;
    /** Behandlingsmål: `curative` (Kurativ), `life_prolonging` (Livsforlengende), `symptom_relief` (Symptomreduserende), `other` (Annet) */
    goal: "curative" | "life_prolonging" | "symptom_relief" | "other";
    /** Annet behandlingsmål (at most 20000 characters) */
    goal_other?: string;
    /** Plan for evaluering av effekt (at most 20000 characters) */
    evaluation_plan: string;
    /** Stoppkriterier (at most 20000 characters) */
    stop_criteria: string;
  };
  /** Kostnader */
  costs: {
    /** Legemiddelkostnad per måned */
    drug_per_month: number | string;
    /** Prisgrunnlag: `agreement` (Avtalepris), `maximum` (Maksimalpris), `pharmacy` (Apotekpris (AUP)), `free_supply` (Vederlagsfri levering (compassionate use)), `other` (Annet) */
    price_basis: "agreement" | "maximum" | "pharmacy" | "free_supply" | "other";
    /** Prisgrunnlag, annet: hvilket (at most 300 characters) */
    price_basis_other?: string;
    /** Andre kostnader per måned */
    other_per_month: number | string;
    /** Ekstra ressurser eller innsparinger */
    extra_resources?: {
      /** Beløp per måned (negativt ved innsparing) */
      amount_per_month?: number | string;
      /** Beskrivelse av ekstra ressurser eller innsparinger (at most 20000 characters) */
      description?: string;
    };
  };
  /** Kriterier for klinisk eksepsjonalitet */
  exceptionality: {
    /** Økt nytte */
    increased_benefit: {
      /** Kriteriet er oppfylt (avkrysning) */
      claimed: boolean;
      /** Begrunnelse (at most 20000 characters) */
      justification?: string;
    };
    /** Høyere alvorlighet */
    higher_severity: {
      /** Kriteriet er oppfylt (avkrysning) */
      claimed: boolean;
      /** Begrunnelse (at most 20000 characters) */
      justification?: string;
    };
    /** Særskilte medisinske årsaker */
    special_medical_reasons: {
      /** Kriteriet er oppfylt (avkrysning) */
      claimed: boolean;
      /** Begrunnelse (at most 20000 characters) */
      justification?: string;
    };
  };
  /** Totalvurdering (at most 20000 characters) */
  overall_assessment: string;
  /** Relevant litteratur (at most 100 entries) */
  literature?: Array<{
    /** Tittel (at most 1000 characters) */
    title: string;
    /** Lenke (at most 2000 characters) */
    url: string;
  }>;
  /** Forankring og anbefaling */
  approvals: {
    /** Linjeleder */
    line_manager: {
      /** Navn (at most 300 characters) */
      name: string;
      /** Begrunnelse (at most 20000 characters) */
      justification: string;
      /** Godkjent */
      approved: boolean;
    };
    /** Fagdirektør */
    medical_director: {
      /** Navn (at most 300 characters) */
      name: string;
      /** Begrunnelse (at most 20000 characters) */
      justification: string;
      /** Godkjent */
      approved: boolean;
      /** Skjemaet er ferdig utfylt */
      form_complete: boolean;
    };
  };
  /** Vurderingskomitéens avgjørelse */
  decision?: {
    /** Avgjørelse: `granted` (Innvilget), `refused` (Avslått) */
    outcome?: "granted" | "refused";
    /** Dato for avgjørelsen (at most 300 characters) */
    date?: string;
    /** Begrunnelse (at most 20000 characters) */
    justification?: string;
  };
}

/** Søknadsskjema tilgangsordningen – del 2 – søknad (`tilgang-del2`) as it is being filled in: every member optional but `form`. */
export interface TilgangDel2Draft {
  /** Skjema */
  form: "tilgang-del2";
  /** Referansenummer (at most 300 characters) */
  reference?: string;
  /** Om søknaden */
  application?: {
    /** Helseforetak søknaden sendes fra (at most 300 characters) */
    health_trust?: string;
    /** Søkers navn (behandlingsansvarlig lege) (at most 300 characters) */
    applicant_name?: string;
    /** Pasienten har gitt samtykke */
    consent_confirmed?: boolean;
  };
  /** Om pasienten */
  patient?: {
    /** Juridisk kjønn: `female` (Kvinne), `male` (Mann) */
    legal_sex?: "female" | "male";
    /** Fødselsår */
    birth_year?: number | string;
    /** Opptaksområde (at most 300 characters) */
    catchment_area?: string;
    /** Diagnose det søkes behandling for (at most 20000 characters) */
    diagnosis?: string;
    /** Oppsummering av sykehistorikk (at most 20000 characters) */
    medical_history?: string;
    /** Nåværende funksjons-/mestringsnivå (at most 20000 characters) */
    function_level?: string;
    /** NPR-ID (at most 300 characters) */
    npr_id?: string;
  };
  /** Omsøkt behandling */
  treatment?: {
    /** Legemiddel (som i Felleskatalogen) (at most 300 characters) */
    drug?: string;
    /** ID-nummer i Nye metoder (at most 300 characters) */
    nye_metoder_id?: string;
    /** Forventet dosering (at most 20000 characters) */
    dosage?: string;
    /** Forventet behandlingsvarighet (at most 300 characters) */
    duration?: string;
    /** Behandlingsmål: `curative` (Kurativ), `life_prolonging` (Livsforlengende), `symptom_relief` (Symptomreduserende), `other` (Annet) */
    goal?: "curative" | "life_prolonging" | "symptom_relief" | "other";
    /** Annet behandlingsmål (at most 20000 characters) */
    goal_other?: string;
    /** Plan for evaluering av effekt (at most 20000 characters) */
    evaluation_plan?: string;
    /** Stoppkriterier (at most 20000 characters) */
    stop_criteria?: string;
  };
  /** Kostnader */
  costs?: {
    /** Legemiddelkostnad per måned */
    drug_per_month?: number | string;
    /** Prisgrunnlag: `agreement` (Avtalepris), `maximum` (Maksimalpris), `pharmacy` (Apotekpris (AUP)), `free_supply` (Vederlagsfri levering (compassionate use)), `other` (Annet) */
    price_basis?: "agreement" | "maximum" | "pharmacy" | "free_supply" | "other";
    /** Prisgrunnlag, annet: hvilket (at most 300 characters) */
    price_basis_other?: string;
    /** Andre kostnader per måned */
    other_per_month?: number | string;
    /** Ekstra ressurser eller innsparinger */
    extra_resources?: {
      /** Beløp per måned (negativt ved innsparing) */
      amount_per_month?: number | string;
      /** Beskrivelse av ekstra ressurser eller innsparinger (at most 20000 characters) */
      description?: string;
    };
  };
  /** Kriterier for klinisk eksepsjonalitet */
  exceptionality?: {
    /** Økt nytte */
    increased_benefit?: {
      /** Kriteriet er oppfylt (avkrysning) */
      claimed?: boolean;
      /** Begrunnelse (at most 20000 characters) */
      justification?: string;
    };
    /** Høyere alvorlighet */
    higher_severity?: {
      /** Kriteriet er oppfylt (avkrysning) */
      claimed?: boolean;
      /** Begrunnelse (at most 20000 characters) */
      justification?: string;
    };
    /** Særskilte medisinske årsaker */
    special_medical_reasons?: {
      /** Kriteriet er oppfylt (avkrysning) */
      claimed?: boolean;
      /** Begrunnelse (at most 20000 characters) */
      justification?: string;
    };
  };
  /** Totalvurdering (at most 20000 characters) */
  overall_assessment?: string;
  /** Relevant litteratur (at most 100 entries) */
  literature?: Array<{
    /** Tittel (at most 1000 characters) */
    title?: string;
    /** Lenke (at most 2000 characters) */
    url?: string;
  }>;
  /** Forankring og anbefaling */
  approvals?: {
    /** Linjeleder */
    line_manager?: {
      /** Navn (at most 300 characters) */
      name?: string;
      /** Begrunnelse (at most 20000 characters) */
      justification?: string;
      /** Godkjent */
      approved?: boolean;
    };
    /** Fagdirektør */
    medical_director?: {
      /** Navn (at most 300 characters) */
      name?: string;
      /** Begrunnelse (at most 20000 characters) */
      justification?: string;
      /** Godkjent */
      approved?: boolean;
      /** Skjemaet er ferdig utfylt */
      form_complete?: boolean;
    };
  };
  /** Vurderingskomitéens avgjørelse */
  decision?: {
    /** Avgjørelse: `granted` (Innvilget), `refused` (Avslått) */
    outcome?: "granted" | "refused";
    /** Dato for avgjørelsen (at most 300 characters) */
    date?: string;
    /** Begrunnelse (at most 20000 characters) */
    justification?: string;
  };
}

/** Søknad om behandling med legemiddel til enkeltpasient etter unntaksordningen (1.2.2.5-19) (`hb-exception-single`), complete at submission: what the form requires then is required here. */
export interface HbExceptionSingle {
  /** Skjema */
  form: "hb-exception-single";
  /** Om søknaden */
  application: {
    /** Helseforetak søknaden sendes fra (at most 300 characters) */
    health_trust: string;
    /** Avdeling (at most 300 characters) */
    department: string;
    /** Søkers navn (behandlingsansvarlig lege) (at most 300 characters) */
    applicant_name: string;
  };
  /** Om pasienten */
  patient: {
    /** Juridisk kjønn: `female` (Kvinne), `male` (Mann) */
    legal_sex: "female" | "male";
    /** Fødselsår */
    birth_year: number | string;
    /** Diagnose det søkes behandling for (at most 20000 characters) */
    diagnosis: string;
    /** Oppsummering av sykehistorikk (at most 20000 characters) */
    medical_history: string;
    /** Nåværende funksjons-/mestringsnivå (at most 20000 characters) */
    function_level: string;
    /** NPR-ID (at most 300 characters) */
    npr_id: string;
  };
  /** Omsøkt behandling */
  treatment: {
    /** Legemiddel (som i Felleskatalogen) (at most 300 characters) */
    drug: string;
    /** ID-nummer i Nye metoder (at most 300 characters) */
    nye_metoder_id: string;
    /** Legemiddeldosering (at most 20000 characters) */
    dosage: string;
    /** Planlagt varighet (at most 300 characters) */
    duration: string;
    /** Behandlingsmål: `curative` (Kurativ), `life_prolonging` (Livsforlengende), `symptom_relief` (Symptomreduserende), `other` (Annet) */
    goal: "curative" | "life_prolonging" | "symptom_relief" | "other";
    /** Annet behandlingsmål (at most 20000 characters) */
    goal_other?: string;
    /** Hvordan og når effekt og bivirkninger skal evalueres (at most 20000 characters) */
    evaluation_plan: string;
    /** Kriterier for å kontinuere eller stoppe (at most 20000 characters) */
    stop_criteria: string;
  };
  /** Hvorfor effekten forventes å være vesentlig større enn for gruppen som helhet (at most 20000 characters) */
  greater_effect_justification: string;
  /** Etablert behandling */
  established_treatment: {
    /** Er etablert behandling forsøkt, funnet uegnet, eller finnes ikke?: `tried` (Forsøkt), `unsuitable` (Funnet uegnet), `none_exists` (Finnes ikke) */
    status: "tried" | "unsuitable" | "none_exists";
    /** Beskrivelse (at most 20000 characters) */
    description: string;
  };
  /** Klinisk studie */
  clinical_trial: {
    /** Inklusjon i klinisk studie er vurdert */
    considered: boolean;
    /** Beskrivelse (at most 20000 characters) */
    description?: string;
  };
  /** Forventet effekt og akseptabel risiko sammenlignet med etablert behandling (at most 20000 characters) */
  expected_effect: string;
  /** Faglig støtte */
  support: {
    /** Uttalelse fra Ekspertpanelet */
    expert_panel: boolean;
    /** Uttalelse fra andre eksterne eksperter */
    external_experts: boolean;
    /** Dokumentert konsensus i fagmiljøet */
    consensus: boolean;
    /** Relevant publisert litteratur */
    literature: boolean;
    /** Beskrivelse (at most 20000 characters) */
    description?: string;
  };
  /** Kostnader */
  costs: {
    /** Legemiddelkostnad per måned */
    drug_per_month: number | string;
    /** Prisgrunnlag: `agreement` (Avtalepris), `maximum` (Maksimalpris), `pharmacy` (Apotekpris (AUP)), `free_supply` (Vederlagsfri levering (compassionate use)), `other` (Annet) */
    price_basis: "agreement" | "maximum" | "pharmacy" | "free_supply" | "other";
    /** Prisgrunnlag, annet: hvilket (at most 300 characters) */
    price_basis_other?: string;
    /** Andre kostnader per måned */
    other_per_month: number | string;
    /** Ekstra ressurser eller innsparinger */
    extra_resources?: {
      /** Beløp per måned (negativt ved innsparing) */
      amount_per_month?: number | string;
      /** Beskrivelse av ekstra ressurser eller innsparinger (at most 20000 characters) */
      description?: string;
    };
  };
  /** Relevant litteratur (at most 100 entries) */
  literature?: Array<{
    /** Tittel (at most 1000 characters) */
    title: string;
    /** Lenke (at most 2000 characters) */
    url: string;
  }>;
  /** Egenbetaling */
  self_payment: {
    /** Søknaden gjelder videreføring av behandling pasienten har betalt selv */
    continuation_of_private: boolean;
    /** Tidligere søknader for samme indikasjon er anbefalt */
    earlier_applications_recommended?: boolean;
    /** Klart råd fra Ekspertpanelet, Klinisk etikkomité og/eller fagdirektør i Helse Vest RHF */
    clear_advice?: boolean;
    /** Beskrivelse (at most 20000 characters) */
    description?: string;
  };
  /** Vurdering og vedtak */
  approvals: {
    /** Nivå 2-leder */
    line_manager: {
      /** Navn (at most 300 characters) */
      name: string;
      /** Vurdering (at most 20000 characters) */
      justification: string;
      /** Søknaden anbefales */
      approved: boolean;
    };
    /** Fagdirektør */
    medical_director?: {
      /** Navn (at most 300 characters) */
      name?: string;
      /** Begrunnelse for vedtaket (at most 20000 characters) */
      justification?: string;
      /** Søknaden godkjennes */
      approved?: boolean;
      /** Skjemaet er ferdig utfylt */
      form_complete?: boolean;
    };
  };
  /** Vurderingskomitéens vurdering */
  assessment?: {
    /** Nytte (at most 20000 characters) */
    benefit?: string;
    /** Alvorlighet (at most 20000 characters) */
    severity?: string;
    /** Ressursbruk (at most 20000 characters) */
    resource_use?: string;
    /** Samlet vurdering (at most 20000 characters) */
    overall?: string;
  };
}

/** Søknad om behandling med legemiddel til enkeltpasient etter unntaksordningen (1.2.2.5-19) (`hb-exception-single`) as it is being filled in: every member optional but `form`. */
export interface HbExceptionSingleDraft {
  /** Skjema */
  form: "hb-exception-single";
  /** Om søknaden */
  application?: {
    /** Helseforetak søknaden sendes fra (at most 300 characters) */
    health_trust?: string;
    /** Avdeling (at most 300 characters) */
    department?: string;
    /** Søkers navn (behandlingsansvarlig lege) (at most 300 characters) */
    applicant_name?: string;
  };
  /** Om pasienten */
  patient?: {
    /** Juridisk kjønn: `female` (Kvinne), `male` (Mann) */
    legal_sex?: "female" | "male";
    /** Fødselsår */
    birth_year?: number | string;
    /** Diagnose det søkes behandling for (at most 20000 characters) */
    diagnosis?: string;
    /** Oppsummering av sykehistorikk (at most 20000 characters) */
    medical_history?: string;
    /** Nåværende funksjons-/mestringsnivå (at most 20000 characters) */
    function_level?: string;
    /** NPR-ID (at most 300 characters) */
    npr_id?: string;
  };
  /** Omsøkt behandling */
  treatment?: {
    /** Legemiddel (som i Felleskatalogen) (at most 300 characters) */
    drug?: string;
    /** ID-nummer i Nye metoder (at most 300 characters) */
    nye_metoder_id?: string;
    /** Legemiddeldosering (at most 20000 characters) */
    dosage?: string;
    /** Planlagt varighet (at most 300 characters) */
    duration?: string;
    /** Behandlingsmål: `curative` (Kurativ), `life_prolonging` (Livsforlengende), `symptom_relief` (Symptomreduserende), `other` (Annet) */
    goal?: "curative" | "life_prolonging" | "symptom_relief" | "other";
    /** Annet behandlingsmål (at most 20000 characters) */
    goal_other?: string;
    /** Hvordan og når effekt og bivirkninger skal evalueres (at most 20000 characters) */
    evaluation_plan?: string;
    /** Kriterier for å kontinuere eller stoppe (at most 20000 characters) */
    stop_criteria?: string;
  };
  /** Hvorfor effekten forventes å være vesentlig større enn for gruppen som helhet (at most 20000 characters) */
  greater_effect_justification?: string;
  /** Etablert behandling */
  established_treatment?: {
    /** Er etablert behandling forsøkt, funnet uegnet, eller finnes ikke?: `tried` (Forsøkt), `unsuitable` (Funnet uegnet), `none_exists` (Finnes ikke) */
    status?: "tried" | "unsuitable" | "none_exists";
    /** Beskrivelse (at most 20000 characters) */
    description?: string;
  };
  /** Klinisk studie */
  clinical_trial?: {
    /** Inklusjon i klinisk studie er vurdert */
    considered?: boolean;
    /** Beskrivelse (at most 20000 characters) */
    description?: string;
  };
  /** Forventet effekt og akseptabel risiko sammenlignet med etablert behandling (at most 20000 characters) */
  expected_effect?: string;
  /** Faglig støtte */
  support?: {
    /** Uttalelse fra Ekspertpanelet */
    expert_panel?: boolean;
    /** Uttalelse fra andre eksterne eksperter */
    external_experts?: boolean;
    /** Dokumentert konsensus i fagmiljøet */
    consensus?: boolean;
    /** Relevant publisert litteratur */
    literature?: boolean;
    /** Beskrivelse (at most 20000 characters) */
    description?: string;
  };
  /** Kostnader */
  costs?: {
    /** Legemiddelkostnad per måned */
    drug_per_month?: number | string;
    /** Prisgrunnlag: `agreement` (Avtalepris), `maximum` (Maksimalpris), `pharmacy` (Apotekpris (AUP)), `free_supply` (Vederlagsfri levering (compassionate use)), `other` (Annet) */
    price_basis?: "agreement" | "maximum" | "pharmacy" | "free_supply" | "other";
    /** Prisgrunnlag, annet: hvilket (at most 300 characters) */
    price_basis_other?: string;
    /** Andre kostnader per måned */
    other_per_month?: number | string;
    /** Ekstra ressurser eller innsparinger */
    extra_resources?: {
      /** Beløp per måned (negativt ved innsparing) */
      amount_per_month?: number | string;
      /** Beskrivelse av ekstra ressurser eller innsparinger (at most 20000 characters) */
      description?: string;
    };
  };
  /** Relevant litteratur (at most 100 entries) */
  literature?: Array<{
    /** Tittel (at most 1000 characters) */
    title?: string;
    /** Lenke (at most 2000 characters) */
    url?: string;
  }>;
  /** Egenbetaling */
  self_payment?: {
    /** Søknaden gjelder videreføring av behandling pasienten har betalt selv */
    continuation_of_private?: boolean;
    /** Tidligere søknader for samme indikasjon er anbefalt */
    earlier_applications_recommended?: boolean;
    /** Klart råd fra Ekspertpanelet, Klinisk etikkomité og/eller fagdirektør i Helse Vest RHF */
    clear_advice?: boolean;
    /** Beskrivelse (at most 20000 characters) */
    description?: string;
  };
  /** Vurdering og vedtak */
  approvals?: {
    /** Nivå 2-leder */
    line_manager?: {
      /** Navn (at most 300 characters) */
      name?: string;
      /** Vurdering (at most 20000 characters) */
      justification?: string;
      /** Søknaden anbefales */
      approved?: boolean;
    };
    /** Fagdirektør */
    medical_director?: {
      /** Navn (at most 300 characters) */
      name?: string;
      /** Begrunnelse for vedtaket (at most 20000 characters) */
      justification?: string;
      /** Søknaden godkjennes */
      approved?: boolean;
      /** Skjemaet er ferdig utfylt */
      form_complete?: boolean;
    };
  };
  /** Vurderingskomitéens vurdering */
  assessment?: {
    /** Nytte (at most 20000 characters) */
    benefit?: string;
    /** Alvorlighet (at most 20000 characters) */
    severity?: string;
    /** Ressursbruk (at most 20000 characters) */
    resource_use?: string;
    /** Samlet vurdering (at most 20000 characters) */
    overall?: string;
  };
}

/** Søknad om behandling med legemiddel til gruppe av pasienter etter unntaksordningen (1.2.2.5-20) (`hb-exception-group`), complete at submission: what the form requires then is required here. */
export interface HbExceptionGroup {
  /** Skjema */
  form: "hb-exception-group";
  /** Om søknaden */
  application: {
    /** Helseforetak søknaden sendes fra (at most 300 characters) */
    health_trust: string;
    /** Avdeling (at most 300 characters) */
    department: string;
    /** Søkers navn (behandlingsansvarlig lege) (at most 300 characters) */
    applicant_name: string;
  };
  /** Pasientgruppen */
  group: {
    /** Beskrivelse av pasientgruppen og indikasjonen (at most 20000 characters) */
    description: string;
    /** Antatt antall pasienter per år */
    estimated_size: number | string;
    /** Omtale i anerkjente retningslinjer (at most 20000 characters) */
    guidelines: string;
    /** Riktig nivå i helsetjenesten (at most 20000 characters) */
    service_level: string;
    /** Bør videresendes til fagdirektør i Helse Vest RHF */
    forward_to_rhf: boolean;
    /** Innmelding til nasjonal metodevurdering er vurdert */
    national_assessment_considered: boolean;
  };
  /** Omsøkt behandling */
  treatment: {
    /** Legemiddel (som i Felleskatalogen) (at most 300 characters) */
    drug: string;
    /** ID-nummer i Nye metoder (at most 300 characters) */
    nye_metoder_id: string;
    /** Legemiddeldosering (at most 20000 characters) */
    dosage: string;
    /** Planlagt varighet (at most 300 characters) */
    duration: string;
    /** Behandlingsmål: `curative` (Kurativ), `life_prolonging` (Livsforlengende), `symptom_relief` (Symptomreduserende), `other` (Annet) */
    goal: "curative" | "life_prolonging" | "symptom_relief" | "other";
    /** Annet behandlingsmål (at most 20000 characters) */
    goal_other?: string;
    /** Hvordan og når effekt og bivirkninger skal evalueres (at most 20000 characters) */
    evaluation_plan: string;
    /** Kriterier for å kontinuere eller stoppe (at most 20000 characters) */
    stop_criteria: string;
  };
  /** Etablert behandling */
  established_treatment: {
    /** Er etablert behandling forsøkt, funnet uegnet, eller finnes ikke?: `tried` (Forsøkt), `unsuitable` (Funnet uegnet), `none_exists` (Finnes ikke) */
    status: "tried" | "unsuitable" | "none_exists";
    /** Beskrivelse (at most 20000 characters) */
    description: string;
  };
  /** Klinisk studie */
  clinical_trial: {
    /** Inklusjon i klinisk studie er vurdert */
    considered: boolean;
    /** Beskrivelse (at most 20000 characters) */
    description?: string;
  };
  /** Forventet effekt og akseptabel risiko sammenlignet med etablert behandling (at most 20000 characters) */
  expected_effect: string;
  /** Faglig støtte */
  support: {
    /** Uttalelse fra Ekspertpanelet */
    expert_panel: boolean;
    /** Uttalelse fra andre eksterne eksperter */
    external_experts: boolean;
    /** Dokumentert konsensus i fagmiljøet */
    consensus: boolean;
    /** Relevant publisert litteratur */
    literature: boolean;
    /** Beskrivelse (at most 20000 characters) */
    description?: string;
  };
  /** Kostnader */
  costs: {
    /** Legemiddelkostnad per måned */
    drug_per_month: number | string;
    /** Prisgrunnlag: `agreement` (Avtalepris), `maximum` (Maksimalpris), `pharmacy` (Apotekpris (AUP)), `free_supply` (Vederlagsfri levering (compassionate use)), `other` (Annet) */
    price_basis: "agreement" | "maximum" | "pharmacy" | "free_supply" | "other";
    /** Prisgrunnlag, annet: hvilket (at most 300 characters) */
    price_basis_other?: string;
    /** Andre kostnader per måned */
    other_per_month: number | string;
    /** Ekstra ressurser eller innsparinger */
    extra_resources?: {
      /** Beløp per måned (negativt ved innsparing) */
      amount_per_month?: number | string;
      /** Beskrivelse av ekstra ressurser eller innsparinger (at most 20000 characters) */
      description?: string;
    };
  };
  /** Relevant litteratur (at most 100 entries) */
  literature?: Array<{
    /** Tittel (at most 1000 characters) */
    title: string;
    /** Lenke (at most 2000 characters) */
    url: string;
  }>;
  /** Egenbetaling */
  self_payment: {
    /** Søknaden gjelder videreføring av behandling pasienten har betalt selv */
    continuation_of_private: boolean;
    /** Tidligere søknader for samme indikasjon er anbefalt */
    earlier_applications_recommended?: boolean;
    /** Klart råd fra Ekspertpanelet, Klinisk etikkomité og/eller fagdirektør i Helse Vest RHF */
    clear_advice?: boolean;
    /** Beskrivelse (at most 20000 characters) */
    description?: string;
  };
  /** Vurdering og vedtak */
  approvals: {
    /** Nivå 2-leder */
    line_manager: {
      /** Navn (at most 300 characters) */
      name: string;
      /** Vurdering (at most 20000 characters) */
      justification: string;
      /** Søknaden anbefales */
      approved: boolean;
    };
    /** Fagdirektør */
    medical_director?: {
      /** Navn (at most 300 characters) */
      name?: string;
      /** Begrunnelse for vedtaket (at most 20000 characters) */
      justification?: string;
      /** Søknaden godkjennes */
      approved?: boolean;
      /** Skjemaet er ferdig utfylt */
      form_complete?: boolean;
    };
  };
  /** Vurderingskomitéens vurdering */
  assessment?: {
    /** Nytte (at most 20000 characters) */
    benefit?: string;
    /** Alvorlighet (at most 20000 characters) */
    severity?: string;
    /** Ressursbruk (at most 20000 characters) */
    resource_use?: string;
    /** Samlet vurdering (at most 20000 characters) */
    overall?: string;
  };
}

/** Søknad om behandling med legemiddel til gruppe av pasienter etter unntaksordningen (1.2.2.5-20) (`hb-exception-group`) as it is being filled in: every member optional but `form`. */
export interface HbExceptionGroupDraft {
  /** Skjema */
  form: "hb-exception-group";
  /** Om søknaden */
  application?: {
    /** Helseforetak søknaden sendes fra (at most 300 characters) */
    health_trust?: string;
    /** Avdeling (at most 300 characters) */
    department?: string;
    /** Søkers navn (behandlingsansvarlig lege) (at most 300 characters) */
    applicant_name?: string;
  };
  /** Pasientgruppen */
  group?: {
    /** Beskrivelse av pasientgruppen og indikasjonen (at most 20000 characters) */
    description?: string;
    /** Antatt antall pasienter per år */
    estimated_size?: number | string;
    /** Omtale i anerkjente retningslinjer (at most 20000 characters) */
    guidelines?: string;
    /** Riktig nivå i helsetjenesten (at most 20000 characters) */
    service_level?: string;
    /** Bør videresendes til fagdirektør i Helse Vest RHF */
    forward_to_rhf?: boolean;
    /** Innmelding til nasjonal metodevurdering er vurdert */
    national_assessment_considered?: boolean;
  };
  /** Omsøkt behandling */
  treatment?: {
    /** Legemiddel (som i Felleskatalogen) (at most 300 characters) */
    drug?: string;
    /** ID-nummer i Nye metoder (at most 300 characters) */
    nye_metoder_id?: string;
    /** Legemiddeldosering (at most 20000 characters) */
    dosage?: string;
    /** Planlagt varighet (at most 300 characters) */
    duration?: string;
    /** Behandlingsmål: `curative` (Kurativ), `life_prolonging` (Livsforlengende), `symptom_relief` (Symptomreduserende), `other` (Annet) */
    goal?: "curative" | "life_prolonging" | "symptom_relief" | "other";
    /** Annet behandlingsmål (at most 20000 characters) */
    goal_other?: string;
    /** Hvordan og når effekt og bivirkninger skal evalueres (at most 20000 characters) */
    evaluation_plan?: string;
    /** Kriterier for å kontinuere eller stoppe (at most 20000 characters) */
    stop_criteria?: string;
  };
  /** Etablert behandling */
  established_treatment?: {
    /** Er etablert behandling forsøkt, funnet uegnet, eller finnes ikke?: `tried` (Forsøkt), `unsuitable` (Funnet uegnet), `none_exists` (Finnes ikke) */
    status?: "tried" | "unsuitable" | "none_exists";
    /** Beskrivelse (at most 20000 characters) */
    description?: string;
  };
  /** Klinisk studie */
  clinical_trial?: {
    /** Inklusjon i klinisk studie er vurdert */
    considered?: boolean;
    /** Beskrivelse (at most 20000 characters) */
    description?: string;
  };
  /** Forventet effekt og akseptabel risiko sammenlignet med etablert behandling (at most 20000 characters) */
  expected_effect?: string;
  /** Faglig støtte */
  support?: {
    /** Uttalelse fra Ekspertpanelet */
    expert_panel?: boolean;
    /** Uttalelse fra andre eksterne eksperter */
    external_experts?: boolean;
    /** Dokumentert konsensus i fagmiljøet */
    consensus?: boolean;
    /** Relevant publisert litteratur */
    literature?: boolean;
    /** Beskrivelse (at most 20000 characters) */
    description?: string;
  };
  /** Kostnader */
  costs?: {
    /** Legemiddelkostnad per måned */
    drug_per_month?: number | string;
    /** Prisgrunnlag: `agreement` (Avtalepris), `maximum` (Maksimalpris), `pharmacy` (Apotekpris (AUP)), `free_supply` (Vederlagsfri levering (compassionate use)), `other` (Annet) */
    price_basis?: "agreement" | "maximum" | "pharmacy" | "free_supply" | "other";
    /** Prisgrunnlag, annet: hvilket (at most 300 characters) */
    price_basis_other?: string;
    /** Andre kostnader per måned */
    other_per_month?: number | string;
    /** Ekstra ressurser eller innsparinger */
    extra_resources?: {
      /** Beløp per måned (negativt ved innsparing) */
      amount_per_month?: number | string;
      /** Beskrivelse av ekstra ressurser eller innsparinger (at most 20000 characters) */
      description?: string;
    };
  };
  /** Relevant litteratur (at most 100 entries) */
  literature?: Array<{
    /** Tittel (at most 1000 characters) */
    title?: string;
    /** Lenke (at most 2000 characters) */
    url?: string;
  }>;
  /** Egenbetaling */
  self_payment?: {
    /** Søknaden gjelder videreføring av behandling pasienten har betalt selv */
    continuation_of_private?: boolean;
    /** Tidligere søknader for samme indikasjon er anbefalt */
    earlier_applications_recommended?: boolean;
    /** Klart råd fra Ekspertpanelet, Klinisk etikkomité og/eller fagdirektør i Helse Vest RHF */
    clear_advice?: boolean;
    /** Beskrivelse (at most 20000 characters) */
    description?: string;
  };
  /** Vurdering og vedtak */
  approvals?: {
    /** Nivå 2-leder */
    line_manager?: {
      /** Navn (at most 300 characters) */
      name?: string;
      /** Vurdering (at most 20000 characters) */
      justification?: string;
      /** Søknaden anbefales */
      approved?: boolean;
    };
    /** Fagdirektør */
    medical_director?: {
      /** Navn (at most 300 characters) */
      name?: string;
      /** Begrunnelse for vedtaket (at most 20000 characters) */
      justification?: string;
      /** Søknaden godkjennes */
      approved?: boolean;
      /** Skjemaet er ferdig utfylt */
      form_complete?: boolean;
    };
  };
  /** Vurderingskomitéens vurdering */
  assessment?: {
    /** Nytte (at most 20000 characters) */
    benefit?: string;
    /** Alvorlighet (at most 20000 characters) */
    severity?: string;
    /** Ressursbruk (at most 20000 characters) */
    resource_use?: string;
    /** Samlet vurdering (at most 20000 characters) */
    overall?: string;
  };
}

/** Søknad om behandling med legemiddel til enkeltpasient off-label eller off-licence (1.2.2.5-21) (`hb-offlabel-single`), complete at submission: what the form requires then is required here. */
export interface HbOfflabelSingle {
  /** Skjema */
  form: "hb-offlabel-single";
  /** Om søknaden */
  application: {
    /** Helseforetak søknaden sendes fra (at most 300 characters) */
    health_trust: string;
    /** Avdeling (at most 300 characters) */
    department: string;
    /** Søkers navn (behandlingsansvarlig lege) (at most 300 characters) */
    applicant_name: string;
  };
  /** Om pasienten */
  patient: {
    /** Juridisk kjønn: `female` (Kvinne), `male` (Mann) */
    legal_sex: "female" | "male";
    /** Fødselsår */
    birth_year: number | string;
    /** Diagnose det søkes behandling for (at most 20000 characters) */
    diagnosis: string;
    /** Oppsummering av sykehistorikk (at most 20000 characters) */
    medical_history: string;
    /** Nåværende funksjons-/mestringsnivå (at most 20000 characters) */
    function_level: string;
    /** NPR-ID (at most 300 characters) */
    npr_id: string;
  };
  /** Omsøkt behandling */
  treatment: {
    /** Legemiddel (som i Felleskatalogen) (at most 300 characters) */
    drug: string;
    /** Off-label eller off-licence: `off-label` (Off-label), `off-licence` (Off-licence) */
    offlabel_kind: "off-label" | "off-licence";
    /** ID-nummer i Nye metoder (at most 300 characters) */
    nye_metoder_id?: string;
    /** Legemiddeldosering (at most 20000 characters) */
    dosage: string;
    /** Planlagt varighet (at most 300 characters) */
    duration: string;
    /** Behandlingsmål: `curative` (Kurativ), `life_prolonging` (Livsforlengende), `symptom_relief` (Symptomreduserende), `other` (Annet) */
    goal: "curative" | "life_prolonging" | "symptom_relief" | "other";
    /** Annet behandlingsmål (at most 20000 characters) */
    goal_other?: string;
    /** Hvordan og når effekt og bivirkninger skal evalueres (at most 20000 characters) */
    evaluation_plan: string;
    /** Kriterier for å kontinuere eller stoppe (at most 20000 characters) */
    stop_criteria: string;
  };
  /** Etablert behandling */
  established_treatment: {
    /** Er etablert behandling forsøkt, funnet uegnet, eller finnes ikke?: `tried` (Forsøkt), `unsuitable` (Funnet uegnet), `none_exists` (Finnes ikke) */
    status: "tried" | "unsuitable" | "none_exists";
    /** Beskrivelse (at most 20000 characters) */
    description: string;
  };
  /** Klinisk studie */
  clinical_trial: {
    /** Inklusjon i klinisk studie er vurdert */
    considered: boolean;
    /** Beskrivelse (at most 20000 characters) */
    description?: string;
  };
  /** Forventet effekt og akseptabel risiko sammenlignet med etablert behandling (at most 20000 characters) */
  expected_effect: string;
  /** Faglig støtte */
  support: {
    /** Uttalelse fra Ekspertpanelet */
    expert_panel: boolean;
    /** Uttalelse fra andre eksterne eksperter */
    external_experts: boolean;
    /** Dokumentert konsensus i fagmiljøet */
    consensus: boolean;
    /** Relevant publisert litteratur */
    literature: boolean;
    /** Beskrivelse (at most 20000 characters) */
    description?: string;
  };
  /** Kostnader */
  costs: {
    /** Legemiddelkostnad per måned */
    drug_per_month: number | string;
    /** Prisgrunnlag: `agreement` (Avtalepris), `maximum` (Maksimalpris), `pharmacy` (Apotekpris (AUP)), `free_supply` (Vederlagsfri levering (compassionate use)), `other` (Annet) */
    price_basis: "agreement" | "maximum" | "pharmacy" | "free_supply" | "other";
    /** Prisgrunnlag, annet: hvilket (at most 300 characters) */
    price_basis_other?: string;
    /** Andre kostnader per måned */
    other_per_month: number | string;
    /** Ekstra ressurser eller innsparinger */
    extra_resources?: {
      /** Beløp per måned (negativt ved innsparing) */
      amount_per_month?: number | string;
      /** Beskrivelse av ekstra ressurser eller innsparinger (at most 20000 characters) */
      description?: string;
    };
  };
  /** Relevant litteratur (at most 100 entries) */
  literature?: Array<{
    /** Tittel (at most 1000 characters) */
    title: string;
    /** Lenke (at most 2000 characters) */
    url: string;
  }>;
  /** Egenbetaling */
  self_payment: {
    /** Søknaden gjelder videreføring av behandling pasienten har betalt selv */
    continuation_of_private: boolean;
    /** Tidligere søknader for samme indikasjon er anbefalt */
    earlier_applications_recommended?: boolean;
    /** Klart råd fra Ekspertpanelet, Klinisk etikkomité og/eller fagdirektør i Helse Vest RHF */
    clear_advice?: boolean;
    /** Beskrivelse (at most 20000 characters) */
    description?: string;
  };
  /** Vurdering og vedtak */
  approvals: {
    /** Nivå 2-leder */
    line_manager: {
      /** Navn (at most 300 characters) */
      name: string;
      /** Vurdering (at most 20000 characters) */
      justification: string;
      /** Søknaden anbefales */
      approved: boolean;
    };
    /** Fagdirektør */
    medical_director?: {
      /** Navn (at most 300 characters) */
      name?: string;
      /** Begrunnelse for vedtaket (at most 20000 characters) */
      justification?: string;
      /** Søknaden godkjennes */
      approved?: boolean;
      /** Skjemaet er ferdig utfylt */
      form_complete?: boolean;
    };
  };
  /** Vurderingskomitéens vurdering */
  assessment?: {
    /** Nytte (at most 20000 characters) */
    benefit?: string;
    /** Alvorlighet (at most 20000 characters) */
    severity?: string;
    /** Ressursbruk (at most 20000 characters) */
    resource_use?: string;
    /** Samlet vurdering (at most 20000 characters) */
    overall?: string;
  };
}

/** Søknad om behandling med legemiddel til enkeltpasient off-label eller off-licence (1.2.2.5-21) (`hb-offlabel-single`) as it is being filled in: every member optional but `form`. */
export interface HbOfflabelSingleDraft {
  /** Skjema */
  form: "hb-offlabel-single";
  /** Om søknaden */
  application?: {
    /** Helseforetak søknaden sendes fra (at most 300 characters) */
    health_trust?: string;
    /** Avdeling (at most 300 characters) */
    department?: string;
    /** Søkers navn (behandlingsansvarlig lege) (at most 300 characters) */
    applicant_name?: string;
  };
  /** Om pasienten */
  patient?: {
    /** Juridisk kjønn: `female` (Kvinne), `male` (Mann) */
    legal_sex?: "female" | "male";
    /** Fødselsår */
    birth_year?: number | string;
    /** Diagnose det søkes behandling for (at most 20000 characters) */
    diagnosis?: string;
    /** Oppsummering av sykehistorikk (at most 20000 characters) */
    medical_history?: string;
    /** Nåværende funksjons-/mestringsnivå (at most 20000 characters) */
    function_level?: string;
    /** NPR-ID (at most 300 characters) */
    npr_id?: string;
  };
  /** Omsøkt behandling */
  treatment?: {
    /** Legemiddel (som i Felleskatalogen) (at most 300 characters) */
    drug?: string;
    /** Off-label eller off-licence: `off-label` (Off-label), `off-licence` (Off-licence) */
    offlabel_kind?: "off-label" | "off-licence";
    /** ID-nummer i Nye metoder (at most 300 characters) */
    nye_metoder_id?: string;
    /** Legemiddeldosering (at most 20000 characters) */
    dosage?: string;
    /** Planlagt varighet (at most 300 characters) */
    duration?: string;
    /** Behandlingsmål: `curative` (Kurativ), `life_prolonging` (Livsforlengende), `symptom_relief` (Symptomreduserende), `other` (Annet) */
    goal?: "curative" | "life_prolonging" | "symptom_relief" | "other";
    /** Annet behandlingsmål (at most 20000 characters) */
    goal_other?: string;
    /** Hvordan og når effekt og bivirkninger skal evalueres (at most 20000 characters) */
    evaluation_plan?: string;
    /** Kriterier for å kontinuere eller stoppe (at most 20000 characters) */
    stop_criteria?: string;
  };
  /** Etablert behandling */
  established_treatment?: {
    /** Er etablert behandling forsøkt, funnet uegnet, eller finnes ikke?: `tried` (Forsøkt), `unsuitable` (Funnet uegnet), `none_exists` (Finnes ikke) */
    status?: "tried" | "unsuitable" | "none_exists";
    /** Beskrivelse (at most 20000 characters) */
    description?: string;
  };
  /** Klinisk studie */
  clinical_trial?: {
    /** Inklusjon i klinisk studie er vurdert */
    considered?: boolean;
    /** Beskrivelse (at most 20000 characters) */
    description?: string;
  };
  /** Forventet effekt og akseptabel risiko sammenlignet med etablert behandling (at most 20000 characters) */
  expected_effect?: string;
  /** Faglig støtte */
  support?: {
    /** Uttalelse fra Ekspertpanelet */
    expert_panel?: boolean;
    /** Uttalelse fra andre eksterne eksperter */
    external_experts?: boolean;
    /** Dokumentert konsensus i fagmiljøet */
    consensus?: boolean;
    /** Relevant publisert litteratur */
    literature?: boolean;
    /** Beskrivelse (at most 20000 characters) */
    description?: string;
  };
  /** Kostnader */
  costs?: {
    /** Legemiddelkostnad per måned */
    drug_per_month?: number | string;
    /** Prisgrunnlag: `agreement` (Avtalepris), `maximum` (Maksimalpris), `pharmacy` (Apotekpris (AUP)), `free_supply` (Vederlagsfri levering (compassionate use)), `other` (Annet) */
    price_basis?: "agreement" | "maximum" | "pharmacy" | "free_supply" | "other";
    /** Prisgrunnlag, annet: hvilket (at most 300 characters) */
    price_basis_other?: string;
    /** Andre kostnader per måned */
    other_per_month?: number | string;
    /** Ekstra ressurser eller innsparinger */
    extra_resources?: {
      /** Beløp per måned (negativt ved innsparing) */
      amount_per_month?: number | string;
      /** Beskrivelse av ekstra ressurser eller innsparinger (at most 20000 characters) */
      description?: string;
    };
  };
  /** Relevant litteratur (at most 100 entries) */
  literature?: Array<{
    /** Tittel (at most 1000 characters) */
    title?: string;
    /** Lenke (at most 2000 characters) */
    url?: string;
  }>;
  /** Egenbetaling */
  self_payment?: {
    /** Søknaden gjelder videreføring av behandling pasienten har betalt selv */
    continuation_of_private?: boolean;
    /** Tidligere søknader for samme indikasjon er anbefalt */
    earlier_applications_recommended?: boolean;
    /** Klart råd fra Ekspertpanelet, Klinisk etikkomité og/eller fagdirektør i Helse Vest RHF */
    clear_advice?: boolean;
    /** Beskrivelse (at most 20000 characters) */
    description?: string;
  };
  /** Vurdering og vedtak */
  approvals?: {
    /** Nivå 2-leder */
    line_manager?: {
      /** Navn (at most 300 characters) */
      name?: string;
      /** Vurdering (at most 20000 characters) */
      justification?: string;
      /** Søknaden anbefales */
      approved?: boolean;
    };
    /** Fagdirektør */
    medical_director?: {
      /** Navn (at most 300 characters) */
      name?: string;
      /** Begrunnelse for vedtaket (at most 20000 characters) */
      justification?: string;
      /** Søknaden godkjennes */
      approved?: boolean;
      /** Skjemaet er ferdig utfylt */
      form_complete?: boolean;
    };
  };
  /** Vurderingskomitéens vurdering */
  assessment?: {
    /** Nytte (at most 20000 characters) */
    benefit?: string;
    /** Alvorlighet (at most 20000 characters) */
    severity?: string;
    /** Ressursbruk (at most 20000 characters) */
    resource_use?: string;
    /** Samlet vurdering (at most 20000 characters) */
    overall?: string;
  };
}

/** Søknad om behandling med legemiddel til gruppe av pasienter off-label eller off-licence (1.2.2.5-22) (`hb-offlabel-group`), complete at submission: what the form requires then is required here. */
export interface HbOfflabelGroup {
  /** Skjema */
  form: "hb-offlabel-group";
  /** Om søknaden */
  application: {
    /** Helseforetak søknaden sendes fra (at most 300 characters) */
    health_trust: string;
    /** Avdeling (at most 300 characters) */
    department: string;
    /** Søkers navn (behandlingsansvarlig lege) (at most 300 characters) */
    applicant_name: string;
  };
  /** Pasientgruppen */
  group: {
    /** Beskrivelse av pasientgruppen og indikasjonen (at most 20000 characters) */
    description: string;
    /** Antatt antall pasienter per år */
    estimated_size: number | string;
    /** Omtale i anerkjente retningslinjer (at most 20000 characters) */
    guidelines: string;
    /** Riktig nivå i helsetjenesten (at most 20000 characters) */
    service_level: string;
    /** Bør videresendes til fagdirektør i Helse Vest RHF */
    forward_to_rhf: boolean;
    /** Innmelding til nasjonal metodevurdering er vurdert */
    national_assessment_considered: boolean;
  };
  /** Omsøkt behandling */
  treatment: {
    /** Legemiddel (som i Felleskatalogen) (at most 300 characters) */
    drug: string;
    /** Off-label eller off-licence: `off-label` (Off-label), `off-licence` (Off-licence) */
    offlabel_kind: "off-label" | "off-licence";
    /** ID-nummer i Nye metoder (at most 300 characters) */
    nye_metoder_id?: string;
    /** Legemiddeldosering (at most 20000 characters) */
    dosage: string;
    /** Planlagt varighet (at most 300 characters) */
    duration: string;
    /** Behandlingsmål: `curative` (Kurativ), `life_prolonging` (Livsforlengende), `symptom_relief` (Symptomreduserende), `other` (Annet) */
    goal: "curative" | "life_prolonging" | "symptom_relief" | "other";
    /** Annet behandlingsmål (at most 20000 characters) */
    goal_other?: string;
    /** Hvordan og når effekt og bivirkninger skal evalueres (at most 20000 characters) */
    evaluation_plan: string;
    /** Kriterier for å kontinuere eller stoppe (at most 20000 characters) */
    stop_criteria: string;
  };
  /** Etablert behandling */
  established_treatment: {
    /** Er etablert behandling forsøkt, funnet uegnet, eller finnes ikke?: `tried` (Forsøkt), `unsuitable` (Funnet uegnet), `none_exists` (Finnes ikke) */
    status: "tried" | "unsuitable" | "none_exists";
    /** Beskrivelse (at most 20000 characters) */
    description: string;
  };
  /** Klinisk studie */
  clinical_trial: {
    /** Inklusjon i klinisk studie er vurdert */
    considered: boolean;
    /** Beskrivelse (at most 20000 characters) */
    description?: string;
  };
  /** Forventet effekt og akseptabel risiko sammenlignet med etablert behandling (at most 20000 characters) */
  expected_effect: string;
  /** Faglig støtte */
  support: {
    /** Uttalelse fra Ekspertpanelet */
    expert_panel: boolean;
    /** Uttalelse fra andre eksterne eksperter */
    external_experts: boolean;
    /** Dokumentert konsensus i fagmiljøet */
    consensus: boolean;
    /** Relevant publisert litteratur */
    literature: boolean;
    /** Beskrivelse (at most 20000 characters) */
    description?: string;
  };
  /** Kostnader */
  costs: {
    /** Legemiddelkostnad per måned */
    drug_per_month: number | string;
    /** Prisgrunnlag: `agreement` (Avtalepris), `maximum` (Maksimalpris), `pharmacy` (Apotekpris (AUP)), `free_supply` (Vederlagsfri levering (compassionate use)), `other` (Annet) */
    price_basis: "agreement" | "maximum" | "pharmacy" | "free_supply" | "other";
    /** Prisgrunnlag, annet: hvilket (at most 300 characters) */
    price_basis_other?: string;
    /** Andre kostnader per måned */
    other_per_month: number | string;
    /** Ekstra ressurser eller innsparinger */
    extra_resources?: {
      /** Beløp per måned (negativt ved innsparing) */
      amount_per_month?: number | string;
      /** Beskrivelse av ekstra ressurser eller innsparinger (at most 20000 characters) */
      description?: string;
    };
  };
  /** Relevant litteratur (at most 100 entries) */
  literature?: Array<{
    /** Tittel (at most 1000 characters) */
    title: string;
    /** Lenke (at most 2000 characters) */
    url: string;
  }>;
  /** Egenbetaling */
  self_payment: {
    /** Søknaden gjelder videreføring av behandling pasienten har betalt selv */
    continuation_of_private: boolean;
    /** Tidligere søknader for samme indikasjon er anbefalt */
    earlier_applications_recommended?: boolean;
    /** Klart råd fra Ekspertpanelet, Klinisk etikkomité og/eller fagdirektør i Helse Vest RHF */
    clear_advice?: boolean;
    /** Beskrivelse (at most 20000 characters) */
    description?: string;
  };
  /** Vurdering og vedtak */
  approvals: {
    /** Nivå 2-leder */
    line_manager: {
      /** Navn (at most 300 characters) */
      name: string;
      /** Vurdering (at most 20000 characters) */
      justification: string;
      /** Søknaden anbefales */
      approved: boolean;
    };
    /** Fagdirektør */
    medical_director?: {
      /** Navn (at most 300 characters) */
      name?: string;
      /** Begrunnelse for vedtaket (at most 20000 characters) */
      justification?: string;
      /** Søknaden godkjennes */
      approved?: boolean;
      /** Skjemaet er ferdig utfylt */
      form_complete?: boolean;
    };
  };
  /** Vurderingskomitéens vurdering */
  assessment?: {
    /** Nytte (at most 20000 characters) */
    benefit?: string;
    /** Alvorlighet (at most 20000 characters) */
    severity?: string;
    /** Ressursbruk (at most 20000 characters) */
    resource_use?: string;
    /** Samlet vurdering (at most 20000 characters) */
    overall?: string;
  };
}

/** Søknad om behandling med legemiddel til gruppe av pasienter off-label eller off-licence (1.2.2.5-22) (`hb-offlabel-group`) as it is being filled in: every member optional but `form`. */
export interface HbOfflabelGroupDraft {
  /** Skjema */
  form: "hb-offlabel-group";
  /** Om søknaden */
  application?: {
    /** Helseforetak søknaden sendes fra (at most 300 characters) */
    health_trust?: string;
    /** Avdeling (at most 300 characters) */
    department?: string;
    /** Søkers navn (behandlingsansvarlig lege) (at most 300 characters) */
    applicant_name?: string;
  };
  /** Pasientgruppen */
  group?: {
    /** Beskrivelse av pasientgruppen og indikasjonen (at most 20000 characters) */
    description?: string;
    /** Antatt antall pasienter per år */
    estimated_size?: number | string;
    /** Omtale i anerkjente retningslinjer (at most 20000 characters) */
    guidelines?: string;
    /** Riktig nivå i helsetjenesten (at most 20000 characters) */
    service_level?: string;
    /** Bør videresendes til fagdirektør i Helse Vest RHF */
    forward_to_rhf?: boolean;
    /** Innmelding til nasjonal metodevurdering er vurdert */
    national_assessment_considered?: boolean;
  };
  /** Omsøkt behandling */
  treatment?: {
    /** Legemiddel (som i Felleskatalogen) (at most 300 characters) */
    drug?: string;
    /** Off-label eller off-licence: `off-label` (Off-label), `off-licence` (Off-licence) */
    offlabel_kind?: "off-label" | "off-licence";
    /** ID-nummer i Nye metoder (at most 300 characters) */
    nye_metoder_id?: string;
    /** Legemiddeldosering (at most 20000 characters) */
    dosage?: string;
    /** Planlagt varighet (at most 300 characters) */
    duration?: string;
    /** Behandlingsmål: `curative` (Kurativ), `life_prolonging` (Livsforlengende), `symptom_relief` (Symptomreduserende), `other` (Annet) */
    goal?: "curative" | "life_prolonging" | "symptom_relief" | "other";
    /** Annet behandlingsmål (at most 20000 characters) */
    goal_other?: string;
    /** Hvordan og når effekt og bivirkninger skal evalueres (at most 20000 characters) */
    evaluation_plan?: string;
    /** Kriterier for å kontinuere eller stoppe (at most 20000 characters) */
    stop_criteria?: string;
  };
  /** Etablert behandling */
  established_treatment?: {
    /** Er etablert behandling forsøkt, funnet uegnet, eller finnes ikke?: `tried` (Forsøkt), `unsuitable` (Funnet uegnet), `none_exists` (Finnes ikke) */
    status?: "tried" | "unsuitable" | "none_exists";
    /** Beskrivelse (at most 20000 characters) */
    description?: string;
  };
  /** Klinisk studie */
  clinical_trial?: {
    /** Inklusjon i klinisk studie er vurdert */
    considered?: boolean;
    /** Beskrivelse (at most 20000 characters) */
    description?: string;
  };
  /** Forventet effekt og akseptabel risiko sammenlignet med etablert behandling (at most 20000 characters) */
  expected_effect?: string;
  /** Faglig støtte */
  support?: {
    /** Uttalelse fra Ekspertpanelet */
    expert_panel?: boolean;
    /** Uttalelse fra andre eksterne eksperter */
    external_experts?: boolean;
    /** Dokumentert konsensus i fagmiljøet */
    consensus?: boolean;
    /** Relevant publisert litteratur */
    literature?: boolean;
    /** Beskrivelse (at most 20000 characters) */
    description?: string;
  };
  /** Kostnader */
  costs?: {
    /** Legemiddelkostnad per måned */
    drug_per_month?: number | string;
    /** Prisgrunnlag: `agreement` (Avtalepris), `maximum` (Maksimalpris), `pharmacy` (Apotekpris (AUP)), `free_supply` (Vederlagsfri levering (compassionate use)), `other` (Annet) */
    price_basis?: "agreement" | "maximum" | "pharmacy" | "free_supply" | "other";
    /** Prisgrunnlag, annet: hvilket (at most 300 characters) */
    price_basis_other?: string;
    /** Andre kostnader per måned */
    other_per_month?: number | string;
    /** Ekstra ressurser eller innsparinger */
    extra_resources?: {
      /** Beløp per måned (negativt ved innsparing) */
      amount_per_month?: number | string;
      /** Beskrivelse av ekstra ressurser eller innsparinger (at most 20000 characters) */
      description?: string;
    };
  };
  /** Relevant litteratur (at most 100 entries) */
  literature?: Array<{
    /** Tittel (at most 1000 characters) */
    title?: string;
    /** Lenke (at most 2000 characters) */
    url?: string;
  }>;
  /** Egenbetaling */
  self_payment?: {
    /** Søknaden gjelder videreføring av behandling pasienten har betalt selv */
    continuation_of_private?: boolean;
    /** Tidligere søknader for samme indikasjon er anbefalt */
    earlier_applications_recommended?: boolean;
    /** Klart råd fra Ekspertpanelet, Klinisk etikkomité og/eller fagdirektør i Helse Vest RHF */
    clear_advice?: boolean;
    /** Beskrivelse (at most 20000 characters) */
    description?: string;
  };
  /** Vurdering og vedtak */
  approvals?: {
    /** Nivå 2-leder */
    line_manager?: {
      /** Navn (at most 300 characters) */
      name?: string;
      /** Vurdering (at most 20000 characters) */
      justification?: string;
      /** Søknaden anbefales */
      approved?: boolean;
    };
    /** Fagdirektør */
    medical_director?: {
      /** Navn (at most 300 characters) */
      name?: string;
      /** Begrunnelse for vedtaket (at most 20000 characters) */
      justification?: string;
      /** Søknaden godkjennes */
      approved?: boolean;
      /** Skjemaet er ferdig utfylt */
      form_complete?: boolean;
    };
  };
  /** Vurderingskomitéens vurdering */
  assessment?: {
    /** Nytte (at most 20000 characters) */
    benefit?: string;
    /** Alvorlighet (at most 20000 characters) */
    severity?: string;
    /** Ressursbruk (at most 20000 characters) */
    resource_use?: string;
    /** Samlet vurdering (at most 20000 characters) */
    overall?: string;
  };
}

/** A form document complete at submission, of any kind. */
export type FormDocument =
  | TilgangDel1
  | TilgangDel2
  | HbExceptionSingle
  | HbExceptionGroup
  | HbOfflabelSingle
  | HbOfflabelGroup;

/** A form document of any kind as it is being filled in (what `validate`, `scan` and the gate take). */
export type FormDraft =
  | TilgangDel1Draft
  | TilgangDel2Draft
  | HbExceptionSingleDraft
  | HbExceptionGroupDraft
  | HbOfflabelSingleDraft
  | HbOfflabelGroupDraft;

/** Each kind's complete document, by kind. */
export interface FormDocuments {
  "tilgang-del1": TilgangDel1;
  "tilgang-del2": TilgangDel2;
  "hb-exception-single": HbExceptionSingle;
  "hb-exception-group": HbExceptionGroup;
  "hb-offlabel-single": HbOfflabelSingle;
  "hb-offlabel-group": HbOfflabelGroup;
}

/** Each kind's document being filled in, by kind. */
export interface FormDrafts {
  "tilgang-del1": TilgangDel1Draft;
  "tilgang-del2": TilgangDel2Draft;
  "hb-exception-single": HbExceptionSingleDraft;
  "hb-exception-group": HbExceptionGroupDraft;
  "hb-offlabel-single": HbOfflabelSingleDraft;
  "hb-offlabel-group": HbOfflabelGroupDraft;
}

/** Part 1 (stays in the record), as the gate and the scan take it: `form` may be left out. */
export type Part1 = Omit<TilgangDel1Draft, "form"> & { form?: "tilgang-del1" };

/** Every diagnostic code (the rule catalogue: `rules()`, docs/rules.md). */
export type DiagnosticCode =
  | "input.json" | "input.type" | "input.option" | "input.too_large" | "form.kind" | "form.required"
  | "form.unknown_field" | "form.type" | "form.value" | "form.too_long" | "form.too_large"
  | "form.placeholder" | "form.too_short" | "form.source_expired" | "application.consent"
  | "application.reference.trust" | "application.name.format" | "patient.birth_year.format"
  | "patient.birth_year.future" | "patient.birth_year.implausible" | "patient.npr_id.format"
  | "patient.npr_id.is_national_id" | "patient.npr_id.account" | "patient.npr_id.name"
  | "patient.single" | "treatment.nye_metoder_id.format" | "treatment.goal.other"
  | "cost.amount.empty" | "cost.amount.ambiguous" | "cost.amount.currency" | "cost.amount.invalid"
  | "cost.amount.precision" | "cost.amount.overflow" | "cost.amount.range" | "cost.amount.period"
  | "cost.amount.negative" | "cost.amount.implausible" | "cost.amount.approximate"
  | "cost.duration.unparsed" | "cost.duration.range" | "cost.drug.zero" | "cost.other.zero"
  | "cost.extra.description" | "exceptionality.criterion.justification" | "exceptionality.criterion.none"
  | "exceptionality.benefit.literature" | "exceptionality.benefit.documentation" | "exceptionality.special.invalid_ground"
  | "exceptionality.special.main_group" | "exceptionality.circumstances" | "literature.link"
  | "approval.missing" | "approval.form_complete" | "approval.hb.not_recommended"
  | "approval.hb.refused" | "tilgang.del1.national_id.invalid" | "tilgang.del1.national_id.synthetic"
  | "tilgang.del1.date.invalid" | "tilgang.del1.not_signed" | "hb.self_payment" | "hb.self_payment.exception"
  | "hb.support.none" | "hb.literature.none" | "hb.group.level" | "hb.group.size"
  | "hb.trial.not_considered" | "reference.format" | "reference.date.invalid" | "reference.date.future"
  | "reference.date.early" | "reference.hf.unknown" | "reference.hf.not_configured"
  | "reference.hf.invalid" | "reference.hf.alias" | "reference.dept.invalid" | "reference.dept.name"
  | "reference.dept.unknown" | "reference.type" | "reference.mismatch" | "registry.trust.unknown"
  | "privacy.national_id" | "privacy.possible_national_id" | "privacy.account" | "privacy.email"
  | "privacy.phone" | "privacy.birth_date" | "privacy.record_number" | "privacy.address"
  | "privacy.ip_address" | "privacy.social_handle" | "privacy.vehicle_registration"
  | "privacy.name" | "privacy.part1" | "privacy.keep.invalid" | "privacy.keep.stale"
  | "privacy.keep.national_id" | "privacy.keep.patient" | "privacy.keep.email" | "privacy.keep.account"
  | "privacy.keep.text" | "gate.part1_not_sendable" | "gate.not_scanned" | "gate.birth_year.mismatch"
  | "gate.key.short" | "gate.pseudonym.no_part1" | "gate.decision_present" | "gate.part1.not_signed"
  | "gate.part1.date_after_reference" | "verify.package" | "verify.digest" | "verify.canonical"
  | "verify.structure" | "verify.time";

/** The kinds of identifier the privacy scan finds. */
export type FindingKind =
  | "national_id" | "possible_national_id" | "account" | "email" | "phone" | "birth_date"
  | "record_number" | "address" | "ip_address" | "social_handle" | "vehicle_registration"
  | "name";

/** The codes of the identifiers found (`privacy.*`). */
export type FindingCode =
  | "privacy.national_id" | "privacy.possible_national_id" | "privacy.account" | "privacy.email"
  | "privacy.phone" | "privacy.birth_date" | "privacy.record_number" | "privacy.address"
  | "privacy.ip_address" | "privacy.social_handle" | "privacy.vehicle_registration"
  | "privacy.name";

/** Why a finding is kept as a false alarm (`options.keep`): an eponym, a clinician's or author's name, a place or institution, a code or value, or something else said in words (`text`). */
export type KeepReason =
  | "eponym" | "clinician_or_author" | "place_or_institution" | "code_or_value" | "other";
