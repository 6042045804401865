<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>CallDeskWidget</name>
    <message>
        <location filename="../../closer_desk/ui/desk/widgets.py" line="+214"/>
        <source>This company has no closing script yet.</source>
        <translation>Cette société n&apos;a pas encore de script de closing.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Closing script</source>
        <translation>Script de closing</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Notes taken during the call (private)</source>
        <translation>Notes prises pendant l&apos;appel (privées)</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+325"/>
        <source>Call notes</source>
        <translation>Notes d&apos;appel</translation>
    </message>
    <message>
        <location line="-317"/>
        <source>Won…</source>
        <translation>Gagné…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lost…</source>
        <translation>Perdu…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No-show</source>
        <translation>Absent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow-up</source>
        <translation>À relancer</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Calls with this prospect</source>
        <translation>Appels avec ce prospect</translation>
    </message>
    <message>
        <location line="+32"/>
        <location line="+290"/>
        <source>Prospect&apos;s file</source>
        <translation>Fiche du prospect</translation>
    </message>
    <message>
        <location line="-289"/>
        <source>Private: never sent in an invite or an export</source>
        <translation>Privé : jamais envoyé dans une invitation ni un export</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Hot</source>
        <translation>Chaud</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Warm</source>
        <translation>Tiède</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cold</source>
        <translation>Froid</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Temperature</source>
        <translation>Température</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Need</source>
        <translation>Besoin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Motivations</source>
        <translation>Motivations</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Blockages</source>
        <translation>Freins</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Saved as you type.</source>
        <translation>Enregistré au fil de la frappe.</translation>
    </message>
    <message>
        <location line="+97"/>
        <source>%1 with %2 — %3</source>
        <translation>%1 avec %2 — %3</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>No call selected</source>
        <translation>Aucun appel sélectionné</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>No outcome recorded yet.</source>
        <translation>Aucun résultat enregistré pour l&apos;instant.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outcome: %1</source>
        <translation>Résultat : %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 %2, commission %3 %2</source>
        <translation>%1 %2, commission %3 %2</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Tick the script</source>
        <translation>Cocher le script</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Untick the script</source>
        <translation>Décocher le script</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>Deal lost</source>
        <translation>Vente perdue</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Why was it lost?</source>
        <translation>Pourquoi la vente est-elle perdue ?</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Outcome: won</source>
        <translation>Résultat : gagné</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outcome: lost</source>
        <translation>Résultat : perdu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outcome: no-show</source>
        <translation>Résultat : absent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outcome: follow-up</source>
        <translation>Résultat : à relancer</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Not saved: a value is not valid (%1).</source>
        <translation>Non enregistré : une valeur n&apos;est pas valide (%1).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not saved: %1</source>
        <translation>Non enregistré : %1</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <location filename="../../closer_desk/ui/desk/models.py" line="+135"/>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Company</source>
        <translation>Société</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deal</source>
        <translation>Vente</translation>
    </message>
    <message>
        <location line="-35"/>
        <source>Won</source>
        <translation>Gagné</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Lost: %1</source>
        <translation>Perdu : %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lost</source>
        <translation>Perdu</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Follow-up</source>
        <translation>À relancer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Planned</source>
        <translation>Prévu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confirmed</source>
        <translation>Confirmé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Held</source>
        <translation>Tenu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No-show</source>
        <translation>Absent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled</source>
        <translation>Annulé</translation>
    </message>
</context>
<context>
    <name>PipelineModel</name>
    <message>
        <location filename="../../closer_desk/ui/reports/models.py" line="+180"/>
        <source>Waiting</source>
        <translation>En attente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prospect</source>
        <translation>Prospect</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Temperature</source>
        <translation>Température</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Last call</source>
        <translation>Dernier appel</translation>
    </message>
    <message>
        <location line="-34"/>
        <source>Follow-up due</source>
        <extracomment>A prospect waiting for a call, with their last call&apos;s time on the closer&apos;s clock.</extracomment>
        <translation>Relance à faire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No-show to reschedule</source>
        <translation>Absent, à replanifier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hot, no call booked</source>
        <translation>Chaud, aucun appel prévu</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Hot</source>
        <translation>Chaud</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Warm</source>
        <translation>Tiède</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cold</source>
        <translation>Froid</translation>
    </message>
</context>
<context>
    <name>PipelineRoom</name>
    <message>
        <location filename="../../closer_desk/ui/reports/pipeline.py" line="+64"/>
        <source>Nobody is waiting for a call.</source>
        <translation>Personne n&apos;attend d&apos;appel.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>The pipeline could not be read (%1).</source>
        <translation>Le pipeline n&apos;a pas pu être lu (%1).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Plan</source>
        <translation>Planifier</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%n prospect(s) waiting for a call</source>
        <translation>
            <numerusform>%n prospect attend un appel</numerusform>
            <numerusform>%n prospects attendent un appel</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReportTableModel</name>
    <message>
        <location filename="../../closer_desk/ui/reports/models.py" line="-72"/>
        <source>Company</source>
        <translation>Société</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Calls held</source>
        <translation>Appels tenus</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No-shows</source>
        <translation>Absents</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Won</source>
        <translation>Gagnées</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Lost</source>
        <translation>Perdues</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Follow-ups</source>
        <translation>Relances</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Conversion</source>
        <translation>Conversion</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Currency</source>
        <translation>Devise</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Revenue</source>
        <translation>Chiffre d&apos;affaires</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Commission</source>
        <translation>Commission</translation>
    </message>
    <message>
        <location line="-49"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
</context>
<context>
    <name>ReportsRoom</name>
    <message>
        <location filename="../../closer_desk/ui/reports/room.py" line="+130"/>
        <source> months</source>
        <extracomment>The chart shows counts of won deals, or the commission in one currency (never a mix).</extracomment>
        <translation> mois</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export CSV…</source>
        <translation>Exporter en CSV…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Month</source>
        <translation>Mois</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chart over</source>
        <translation>Graphique sur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bars</source>
        <translation>Barres</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Conversion (%)</source>
        <translation>Conversion (%)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Conversion</source>
        <translation>Conversion</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Conversion = won ÷ calls held. No-shows are not calls held, so they are left out of the conversion. Amounts stay in the currency of each deal.</source>
        <translation>Conversion = ventes gagnées ÷ appels tenus. Les absents ne sont pas des appels tenus : ils ne comptent pas dans la conversion. Les montants restent dans la devise de chaque vente.</translation>
    </message>
    <message>
        <location line="+104"/>
        <source>The report could not be computed (%1).</source>
        <translation>Le rapport n&apos;a pas pu être calculé (%1).</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Results for %1</source>
        <translation>Résultats de %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Booked this week: %1 of %2 planned</source>
        <translation>Réservé cette semaine : %1 sur %2 prévues</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 h %2</source>
        <translation>%1 h %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+28"/>
        <source>Won deals</source>
        <translation>Ventes gagnées</translation>
    </message>
    <message>
        <location line="-26"/>
        <source>Commission in %1</source>
        <translation>Commission en %1</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Won deals per company and month</source>
        <translation>Ventes gagnées par société et par mois</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Commission in %1 per company and month</source>
        <translation>Commission en %1 par société et par mois</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Export report</source>
        <translation>Exporter le rapport</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>WonDialog</name>
    <message>
        <location filename="../../closer_desk/ui/desk/widgets.py" line="-559"/>
        <source>Deal won</source>
        <extracomment>How long after the last key a field is saved.</extracomment>
        <translation>Vente gagnée</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>e.g. 4500</source>
        <translation>p. ex. 4500</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>company rate: %1</source>
        <translation>taux de la société : %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Deal value</source>
        <translation>Montant de la vente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Currency</source>
        <translation>Devise</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Commission for this deal (%)</source>
        <translation>Commission sur cette vente (%)</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Enter the deal value as a number, e.g. 4500 or 4500.50.</source>
        <translation>Saisissez le montant en chiffres, p. ex. 4500 ou 4500,50.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter a three-letter currency code such as EUR.</source>
        <translation>Saisissez un code de devise à trois lettres, comme EUR.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter the rate as a percentage between 0 and 100.</source>
        <translation>Saisissez le taux en pourcentage, entre 0 et 100.</translation>
    </message>
</context>
</TS>
