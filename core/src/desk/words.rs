//! The desk's vocabulary: every closed list of the caseload (kinds of path, events,
//! services, appointment states, consents...), each value with its wire name and its
//! Italian and English label.
//!
//! The wire names are Italian, in the words of Piemonte's SILP and its booking manual
//! (`da_erogare`, `erogato`, `disdetto_cittadino`...), as the contract types of the model
//! already are: a counsellor types them on the command line and finds them in exports.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::lang::Lang;

/// Declares a desk enum: its variants with their wire name and Italian and English labels,
/// [`wire_names!`] (as_str, FromStr, Display, ALL), `label(lang)` and serde as the wire name.
macro_rules! desk_words {
    ($(#[$meta:meta])* $name:ident, $what:literal, { $($(#[$vmeta:meta])* $variant:ident => $code:literal, $it:literal, $en:literal;)+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $($(#[$vmeta])* $variant),+
        }

        wire_names!($name, $what, { $($variant => $code),+ });

        impl $name {
            /// The label a person reads, in `lang`.
            pub fn label(self, lang: Lang) -> &'static str {
                match self { $($name::$variant => lang.pick($it, $en)),+ }
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = String::deserialize(d)?;
                s.parse().map_err(serde::de::Error::custom)
            }
        }
    };
}

desk_words!(
    /// How a person came to the desk.
    Arrival, "a way of arriving at the desk", {
        /// Assigned by a Centro per l'impiego (with the date of assignment).
        Cpi => "cpi", "inviato dal Centro per l'impiego", "assigned by the job centre";
        /// Came on their own.
        SelfReferred => "spontaneo", "accesso spontaneo", "self-referred";
        /// Sent by the social services.
        SocialServices => "servizi_sociali", "inviato dai servizi sociali", "sent by social services";
        /// Any other way.
        Other => "altro", "altro", "other";
    }
);

desk_words!(
    /// The kind of a path (percorso), as the desks and GOL name them.
    PathKind, "a kind of path", {
        /// GOL path 1: back to work.
        Gol1 => "gol_1", "GOL 1 reinserimento lavorativo", "GOL 1 back to work";
        /// GOL path 2: upskilling.
        Gol2 => "gol_2", "GOL 2 aggiornamento (upskilling)", "GOL 2 upskilling";
        /// GOL path 3: reskilling.
        Gol3 => "gol_3", "GOL 3 riqualificazione (reskilling)", "GOL 3 reskilling";
        /// GOL path 4: work and inclusion.
        Gol4 => "gol_4", "GOL 4 lavoro e inclusione", "GOL 4 work and inclusion";
        /// GOL path 5: collective redeployment.
        Gol5 => "gol_5", "GOL 5 ricollocazione collettiva", "GOL 5 collective redeployment";
        /// A traineeship.
        Tirocinio => "tirocinio", "tirocinio", "traineeship";
        /// Targeted placement under Law 68/99 (protected: it tells a disability).
        CollocamentoMirato => "collocamento_mirato", "collocamento mirato L.68/99", "targeted placement (Law 68/99)";
        /// A PASS project.
        Pass => "pass", "progetto PASS", "PASS project";
        /// A cantiere di lavoro.
        Cantiere => "cantiere", "cantiere di lavoro", "work site scheme";
        /// Guidance only.
        Orientamento => "orientamento", "orientamento", "guidance";
        /// Anything else.
        Other => "altro", "altro", "other";
    }
);

impl PathKind {
    /// Whether the kind itself tells a special category of data (a disability): it never
    /// appears on a list unless the reader may see sensitive data.
    pub fn is_protected(self) -> bool {
        self == PathKind::CollocamentoMirato
    }
}

desk_words!(
    /// Where a path stands: the state its last event left it in.
    PathState, "a state of a path", {
        /// Proposed, not yet started.
        Proposed => "proposto", "proposto", "proposed";
        /// Under way.
        Started => "avviato", "avviato", "started";
        /// Paused.
        Suspended => "sospeso", "sospeso", "suspended";
        /// Ended as planned.
        Concluded => "concluso", "concluso", "concluded";
        /// Left by the person after starting.
        Abandoned => "abbandonato", "abbandonato", "abandoned";
        /// Refused by the person before starting.
        Refused => "rifiutato", "rifiutato", "refused";
        /// Cancelled by the desk.
        Cancelled => "annullato", "annullato", "cancelled";
    }
);

impl PathState {
    /// Whether nothing can follow.
    pub fn is_closed(self) -> bool {
        matches!(self, PathState::Concluded | PathState::Abandoned | PathState::Refused | PathState::Cancelled)
    }
}

desk_words!(
    /// Something that happened to a path, on a date.
    PathEventKind, "an event of a path", {
        /// Proposed to the person (the path's first event).
        Proposed => "proposta", "proposta", "proposed";
        /// Started.
        Started => "avvio", "avvio", "started";
        /// Suspended.
        Suspended => "sospensione", "sospensione", "suspended";
        /// Resumed after a suspension.
        Resumed => "ripresa", "ripresa", "resumed";
        /// Concluded.
        Concluded => "conclusione", "conclusione", "concluded";
        /// Abandoned by the person.
        Abandoned => "abbandono", "abbandono", "abandoned";
        /// Refused by the person.
        Refused => "rifiuto", "rifiuto", "refused";
        /// Cancelled by the desk.
        Cancelled => "annullamento", "annullamento", "cancelled";
    }
);

desk_words!(
    /// Who a path is aimed at: the target groups the Region and GOL count.
    Target, "a target group", {
        /// Women.
        Women => "donne", "donne", "women";
        /// Under 30.
        Under30 => "under_30", "under 30", "under 30";
        /// Over 55.
        Over55 => "over_55", "over 55", "over 55";
        /// Law 68/99 (protected: it tells a disability).
        L68 => "l68", "L.68/99", "Law 68/99";
        /// Unemployed for 6 months or more.
        Unemployed6 => "disoccupati_6_mesi", "disoccupati da 6 mesi o più", "unemployed 6 months or more";
        /// Unemployed for 12 months or more.
        Unemployed12 => "disoccupati_12_mesi", "disoccupati da 12 mesi o più", "unemployed 12 months or more";
        /// Receiving NASpI.
        Naspi => "naspi", "percettori NASpI", "NASpI recipients";
        /// Receiving DIS-COLL.
        DisColl => "dis_coll", "percettori DIS-COLL", "DIS-COLL recipients";
        /// Receiving other income support.
        IncomeSupport => "sostegno_reddito", "percettori di sostegno al reddito", "income-support recipients";
    }
);

impl Target {
    /// Whether the flag tells a special category of data (see [`PathKind::is_protected`]).
    pub fn is_protected(self) -> bool {
        self == Target::L68
    }
}

desk_words!(
    /// The service an appointment or activity gives.
    Service, "a service", {
        /// First reception.
        Accoglienza => "accoglienza", "accoglienza", "reception";
        /// Basic guidance.
        OrientamentoBase => "orientamento_base", "orientamento di base", "basic guidance";
        /// Specialist guidance.
        OrientamentoSpecialistico => "orientamento_specialistico", "orientamento specialistico", "specialist guidance";
        /// Active job search.
        RicercaAttiva => "ricerca_attiva", "ricerca attiva", "active job search";
        /// Accompanying into work.
        Accompagnamento => "accompagnamento", "accompagnamento al lavoro", "accompanying into work";
        /// Tutoring a traineeship.
        TutoraggioTirocinio => "tutoraggio_tirocinio", "tutoraggio tirocinio", "traineeship tutoring";
        /// Training.
        Formazione => "formazione", "formazione", "training";
        /// A job proposed (for instance from a match).
        PropostaLavoro => "proposta_lavoro", "proposta di lavoro", "job proposal";
        /// An interview.
        Colloquio => "colloquio", "colloquio", "interview";
        /// Follow-up.
        FollowUp => "follow_up", "follow-up", "follow-up";
    }
);

desk_words!(
    /// How an appointment is held.
    Channel, "a channel", {
        /// At the desk.
        InPerson => "in_presenza", "in presenza", "in person";
        /// By phone.
        Phone => "telefono", "telefono", "phone";
        /// By video call.
        Video => "video", "videochiamata", "video call";
        /// By e-mail or message.
        Email => "email", "e-mail", "e-mail";
    }
);

desk_words!(
    /// The states of an appointment, as in the booking manual.
    AppointmentState, "a state of an appointment", {
        /// Booked, to be held.
        ToDeliver => "da_erogare", "da erogare", "to be held";
        /// Held.
        Delivered => "erogato", "erogato", "held";
        /// Cancelled by the person.
        CancelledByPerson => "disdetto_cittadino", "disdetto dal cittadino", "cancelled by the person";
        /// Cancelled by the operator.
        CancelledByOperator => "disdetto_operatore", "disdetto da operatore", "cancelled by the operator";
        /// Moved to another date (a new appointment holds it).
        Moved => "spostato", "spostato", "moved";
        /// The person did not come.
        NoShow => "non_presentato", "non presentato", "did not come";
    }
);

desk_words!(
    /// What came of a path.
    OutcomeKind, "a kind of outcome", {
        /// A work contract.
        Contract => "contratto", "contratto di lavoro", "work contract";
        /// A traineeship started.
        Tirocinio => "tirocinio", "tirocinio avviato", "traineeship started";
        /// Training started.
        Training => "formazione", "formazione avviata", "training started";
    }
);

desk_words!(
    /// Who may read a note.
    Visibility, "a visibility", {
        /// Only its author.
        Me => "me", "solo io", "only me";
        /// The author's desk.
        Desk => "sportello", "il mio sportello", "my desk";
        /// Every desk of the network.
        Network => "rete", "tutta la rete", "the whole network";
    }
);

desk_words!(
    /// The optional consents a person may grant and withdraw (the desk's work itself rests
    /// on the public task, not on consent).
    ConsentKind, "a consent", {
        /// Share the CV with employers.
        ShareCv => "condivisione_cv", "condividere il CV con le aziende", "share the CV with employers";
        /// Reminders by SMS.
        RemindersSms => "promemoria_sms", "promemoria via SMS", "reminders by SMS";
        /// Reminders by e-mail.
        RemindersEmail => "promemoria_email", "promemoria via e-mail", "reminders by e-mail";
        /// Appear on recruiting-day lists.
        RecruitingDays => "recruiting_day", "comparire negli elenchi dei recruiting day", "appear on recruiting-day lists";
    }
);

desk_words!(
    /// The letters a desk prints for a person.
    LetterKind, "a kind of letter", {
        /// An invitation to an appointment booked.
        Appointment => "appuntamento", "invito a un appuntamento", "invitation to an appointment";
        /// A reminder of an appointment booked.
        Reminder => "promemoria", "promemoria di un appuntamento", "appointment reminder";
        /// The outcome recorded (a contract, a traineeship, training).
        Outcome => "esito", "comunicazione di un esito", "notice of an outcome";
    }
);

desk_words!(
    /// Who acknowledged the privacy notice.
    AcknowledgedBy, "who acknowledged the notice", {
        /// The person.
        Person => "interessato", "l'interessato", "the person";
        /// A delegate.
        Delegate => "delegato", "un delegato", "a delegate";
        /// A parent or guardian.
        Parent => "genitore", "un genitore o tutore", "a parent or guardian";
    }
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wire::assert_names;

    #[test]
    fn names_round_trip_and_labels_are_worded() {
        assert_names(Arrival::ALL);
        assert_names(PathKind::ALL);
        assert_names(PathState::ALL);
        assert_names(PathEventKind::ALL);
        assert_names(Target::ALL);
        assert_names(Service::ALL);
        assert_names(Channel::ALL);
        assert_names(AppointmentState::ALL);
        assert_names(LetterKind::ALL);
        assert_names(OutcomeKind::ALL);
        assert_names(Visibility::ALL);
        assert_names(ConsentKind::ALL);
        assert_names(AcknowledgedBy::ALL);
        assert_eq!(AppointmentState::CancelledByPerson.label(Lang::It), "disdetto dal cittadino");
        assert_eq!(AppointmentState::NoShow.label(Lang::En), "did not come");
        let err = "finito".parse::<PathState>().unwrap_err().to_string();
        assert!(err.contains("concluso") && err.contains("a state of a path"), "{err}");
    }
}

desk_words!(
    /// What a console account may do.
    Role, "a role", {
        /// Works with the people of their own desk.
        Operatore => "operatore", "operatore", "operator";
        /// Sees and works with the people of every desk of the network.
        Coordinatore => "coordinatore", "coordinatore", "coordinator";
        /// Reads the people of their desk, changes nothing.
        Lettura => "lettura", "sola lettura", "read-only";
    }
);

desk_words!(
    /// A person's sex as the reports count it (from their own statement or the codice
    /// fiscale); people it does not class are counted apart.
    Sex, "a sex", {
        /// Women.
        Female => "f", "donne", "women";
        /// Men.
        Male => "m", "uomini", "men";
    }
);
