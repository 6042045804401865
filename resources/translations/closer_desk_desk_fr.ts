<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>CallDeskWidget</name>
    <message>
        <location filename="../../closer_desk/ui/desk/widgets.py" line="200" />
        <source>This company has no closing script yet.</source>
        <translation>Cette entreprise n'a pas encore de script de closing.</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/desk/widgets.py" line="202" />
        <source>Closing script</source>
        <translation>Script de closing</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/desk/widgets.py" line="208" />
        <source>Notes taken during the call (private)</source>
        <translation>Notes prises pendant l'appel (privées)</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/desk/widgets.py" line="210" />
        <source>Call notes</source>
        <translation>Notes d'appel</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/desk/widgets.py" line="216" />
        <source>Won…</source>
        <translation>Gagné…</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/desk/widgets.py" line="217" />
        <source>Lost…</source>
        <translation>Perdu…</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/desk/widgets.py" line="218" />
        <source>No-show</source>
        <translation>Absent</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/desk/widgets.py" line="219" />
        <source>Follow-up</source>
        <translation>À relancer</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/desk/widgets.py" line="240" />
        <source>Calls with this prospect</source>
        <translation>Appels avec ce prospect</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/desk/widgets.py" line="284" />
        <source>Prospect's file</source>
        <translation>Fiche du prospect</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/desk/widgets.py" line="285" />
        <source>Private: never sent in an invite or an export</source>
        <translation>Privé : jamais envoyé dans une invitation ni un export</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/desk/widgets.py" line="290" />
        <source>Hot</source>
        <translation>Chaud</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/desk/widgets.py" line="291" />
        <source>Warm</source>
        <translation>Tiède</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/desk/widgets.py" line="292" />
        <source>Cold</source>
        <translation>Froid</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/desk/widgets.py" line="297" />
        <source>Temperature</source>
        <translation>Température</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/desk/widgets.py" line="299" />
        <source>Need</source>
        <translation>Besoin</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/desk/widgets.py" line="300" />
        <source>Motivations</source>
        <translation>Motivations</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/desk/widgets.py" line="301" />
        <source>Blockages</source>
        <translation>Freins</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/desk/widgets.py" line="302" />
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/desk/widgets.py" line="310" />
        <source>Save file</source>
        <translation>Enregistrer la fiche</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/desk/widgets.py" line="376" />
        <source>%1 with %2 — %3</source>
        <translation>%1 avec %2 — %3</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/desk/widgets.py" line="414" />
        <source>No call selected</source>
        <translation>Aucun appel sélectionné</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/desk/widgets.py" line="430" />
        <source>No outcome recorded yet.</source>
        <translation>Aucun résultat enregistré pour l'instant.</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/desk/widgets.py" line="431" />
        <source>Outcome: %1</source>
        <translation>Résultat : %1</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/desk/widgets.py" line="435" />
        <source>%1 %2, commission %3 %2</source>
        <translation>%1 %2, commission %3 %2</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/desk/widgets.py" line="518" />
        <source>Deal lost</source>
        <translation>Vente perdue</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/desk/widgets.py" line="518" />
        <source>Why was it lost?</source>
        <translation>Pourquoi la vente est-elle perdue ?</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/desk/widgets.py" line="565" />
        <source>Not saved: a value is not valid (%1).</source>
        <translation>Non enregistré : une valeur n'est pas valide (%1).</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/desk/widgets.py" line="568" />
        <source>Not saved: %1</source>
        <translation>Non enregistré : %1</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <location filename="../../closer_desk/ui/desk/models.py" line="151" />
        <source>When</source>
        <extracomment>Sort by the raw value (numbers, ISO times) rather than the shown text.</extracomment>
        <translation>Quand</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/desk/models.py" line="151" />
        <source>Company</source>
        <translation>Entreprise</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/desk/models.py" line="151" />
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/desk/models.py" line="151" />
        <source>Deal</source>
        <translation>Vente</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/desk/models.py" line="162" />
        <source>Won</source>
        <translation>Gagné</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/desk/models.py" line="165" />
        <source>Lost: %1</source>
        <translation>Perdu : %1</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/desk/models.py" line="167" />
        <source>Lost</source>
        <translation>Perdu</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/desk/models.py" line="170" />
        <source>Follow-up</source>
        <translation>À relancer</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/desk/models.py" line="172" />
        <source>Planned</source>
        <translation>Prévu</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/desk/models.py" line="173" />
        <source>Confirmed</source>
        <translation>Confirmé</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/desk/models.py" line="174" />
        <source>Held</source>
        <translation>Tenu</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/desk/models.py" line="175" />
        <source>No-show</source>
        <translation>Absent</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/desk/models.py" line="176" />
        <source>Cancelled</source>
        <translation>Annulé</translation>
    </message>
</context>
<context>
    <name>PipelineModel</name>
    <message>
        <location filename="../../closer_desk/ui/desk/models.py" line="376" />
        <source>Waiting</source>
        <translation>En attente</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/desk/models.py" line="377" />
        <source>Prospect</source>
        <translation>Prospect</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/desk/models.py" line="378" />
        <source>Temperature</source>
        <translation>Température</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/desk/models.py" line="379" />
        <source>Last call</source>
        <translation>Dernier appel</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/desk/models.py" line="386" />
        <source>Follow-up due</source>
        <translation>Relance à faire</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/desk/models.py" line="387" />
        <source>No-show to reschedule</source>
        <translation>Absent, à replanifier</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/desk/models.py" line="388" />
        <source>Hot, no call booked</source>
        <translation>Chaud, aucun appel prévu</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/desk/models.py" line="394" />
        <source>Hot</source>
        <translation>Chaud</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/desk/models.py" line="395" />
        <source>Warm</source>
        <translation>Tiède</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/desk/models.py" line="396" />
        <source>Cold</source>
        <translation>Froid</translation>
    </message>
</context>
<context>
    <name>PipelineRoom</name>
    <message>
        <location filename="../../closer_desk/ui/reports/pipeline.py" line="69" />
        <source>Nobody is waiting for a call.</source>
        <translation>Personne n'attend d'appel.</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/reports/pipeline.py" line="71" />
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/reports/pipeline.py" line="111" />
        <source>The pipeline could not be read (%1).</source>
        <translation>Le pipeline n'a pas pu être lu (%1).</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/reports/pipeline.py" line="117" />
        <source>Plan</source>
        <translation>Planifier</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/reports/pipeline.py" line="121" />
        <source>Waiting for a call: %1</source>
        <translation>En attente d'un appel : %1</translation>
    </message>
</context>
<context>
    <name>ReportTableModel</name>
    <message>
        <location filename="../../closer_desk/ui/desk/models.py" line="283" />
        <source>Company</source>
        <translation>Entreprise</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/desk/models.py" line="284" />
        <source>Calls held</source>
        <translation>Appels tenus</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/desk/models.py" line="285" />
        <source>No-shows</source>
        <translation>Absents</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/desk/models.py" line="286" />
        <source>Won</source>
        <translation>Gagnées</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/desk/models.py" line="287" />
        <source>Lost</source>
        <translation>Perdues</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/desk/models.py" line="288" />
        <source>Follow-ups</source>
        <translation>Relances</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/desk/models.py" line="289" />
        <source>Conversion</source>
        <translation>Conversion</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/desk/models.py" line="290" />
        <source>Currency</source>
        <translation>Devise</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/desk/models.py" line="291" />
        <source>Revenue</source>
        <translation>Chiffre d'affaires</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/desk/models.py" line="292" />
        <source>Commission</source>
        <translation>Commission</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/desk/models.py" line="323" />
        <source>Total</source>
        <translation>Total</translation>
    </message>
</context>
<context>
    <name>ReportsRoom</name>
    <message>
        <location filename="../../closer_desk/ui/reports/room.py" line="123" />
        <source> months</source>
        <extracomment>The chart shows counts of won deals, or the commission in one currency (never a mix).</extracomment>
        <translation> mois</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/reports/room.py" line="128" />
        <source>Export CSV…</source>
        <translation>Exporter en CSV…</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/reports/room.py" line="132" />
        <source>Month</source>
        <translation>Mois</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/reports/room.py" line="134" />
        <source>Chart over</source>
        <translation>Graphique sur</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/reports/room.py" line="136" />
        <source>Bars</source>
        <translation>Barres</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/reports/room.py" line="152" />
        <source>Conversion (%)</source>
        <translation>Conversion (%)</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/reports/room.py" line="163" />
        <source>Conversion</source>
        <translation>Conversion</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/reports/room.py" line="180" />
        <source>Conversion = won ÷ calls held. No-shows are not calls held, so they are left out of the conversion. Amounts stay in the currency of each deal.</source>
        <translation>Conversion = ventes gagnées ÷ appels tenus. Les absents ne sont pas des appels tenus : ils ne comptent pas dans la conversion. Les montants restent dans la devise de chaque vente.</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/reports/room.py" line="261" />
        <source>The report could not be computed (%1).</source>
        <translation>Le rapport n'a pas pu être calculé (%1).</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/reports/room.py" line="279" />
        <source>Results for %1</source>
        <translation>Résultats de %1</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/reports/room.py" line="285" />
        <source>Booked this week: %1 of %2 planned</source>
        <translation>Réservé cette semaine : %1 sur %2 prévues</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/reports/room.py" line="298" />
        <source>%1 h %2</source>
        <translation>%1 h %2</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/reports/room.py" line="300" />
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/reports/room.py" line="307" />
        <location filename="../../closer_desk/ui/reports/room.py" line="335" />
        <source>Won deals</source>
        <translation>Ventes gagnées</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/reports/room.py" line="309" />
        <source>Commission in %1</source>
        <translation>Commission en %1</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/reports/room.py" line="341" />
        <source>Won deals per company and month</source>
        <translation>Ventes gagnées par entreprise et par mois</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/reports/room.py" line="343" />
        <source>Commission in %1 per company and month</source>
        <translation>Commission en %1 par entreprise et par mois</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/reports/room.py" line="354" />
        <source>Export report</source>
        <translation>Exporter le rapport</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/reports/room.py" line="354" />
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>WonDialog</name>
    <message>
        <location filename="../../closer_desk/ui/desk/widgets.py" line="92" />
        <source>Deal won</source>
        <translation>Vente gagnée</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/desk/widgets.py" line="94" />
        <source>e.g. 4500</source>
        <translation>p. ex. 4500</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/desk/widgets.py" line="100" />
        <source>company rate: %1</source>
        <translation>taux de l'entreprise : %1</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/desk/widgets.py" line="105" />
        <source>Deal value</source>
        <translation>Montant de la vente</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/desk/widgets.py" line="106" />
        <source>Currency</source>
        <translation>Devise</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/desk/widgets.py" line="107" />
        <source>Commission for this deal (%)</source>
        <translation>Commission sur cette vente (%)</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/desk/widgets.py" line="128" />
        <source>Enter the deal value as a number, e.g. 4500 or 4500.50.</source>
        <translation>Saisissez le montant en chiffres, p. ex. 4500 ou 4500,50.</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/desk/widgets.py" line="129" />
        <source>Enter a three-letter currency code such as EUR.</source>
        <translation>Saisissez un code de devise à trois lettres, comme EUR.</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/desk/widgets.py" line="130" />
        <source>Enter the rate as a percentage between 0 and 100.</source>
        <translation>Saisissez le taux en pourcentage, entre 0 et 100.</translation>
    </message>
</context>
</TS>