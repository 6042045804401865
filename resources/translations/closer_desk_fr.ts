<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>AgendaModel</name>
    <message>
        <location filename="../../closer_desk/ui/agenda_model.py" line="30" />
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/agenda_model.py" line="31" />
        <source>Prospect's time</source>
        <translation>Heure du prospect</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/agenda_model.py" line="32" />
        <source>Prospect</source>
        <translation>Prospect</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/agenda_model.py" line="33" />
        <source>Company</source>
        <translation>Société</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/agenda_model.py" line="34" />
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/agenda_model.py" line="35" />
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/agenda_model.py" line="36" />
        <source>Minutes</source>
        <translation>Minutes</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/agenda_model.py" line="43" />
        <source>planned</source>
        <translation>prévu</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/agenda_model.py" line="44" />
        <source>confirmed</source>
        <translation>confirmé</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/agenda_model.py" line="45" />
        <source>done</source>
        <translation>fait</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/agenda_model.py" line="46" />
        <source>no-show</source>
        <translation>absent</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/agenda_model.py" line="47" />
        <source>cancelled</source>
        <translation>annulé</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/agenda_model.py" line="54" />
        <source>won</source>
        <translation>gagné</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/agenda_model.py" line="55" />
        <source>lost</source>
        <translation>perdu</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/agenda_model.py" line="56" />
        <source>follow-up</source>
        <translation>à relancer</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/agenda_model.py" line="63" />
        <source>phone</source>
        <translation>téléphone</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/agenda_model.py" line="64" />
        <source>video</source>
        <translation>visio</translation>
    </message>
</context>
<context>
    <name>AgendaRoom</name>
    <message>
        <location filename="../../closer_desk/ui/agenda_room.py" line="136" />
        <source>Week of %1</source>
        <extracomment>The last answer from the source (None until the first one arrives).</extracomment>
        <translation>Semaine du %1</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/agenda_room.py" line="138" />
        <source>%1 to %2</source>
        <translation>Du %1 au %2</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../closer_desk/app.py" line="66" />
        <source>Planner</source>
        <translation>Planificateur</translation>
    </message>
    <message>
        <location filename="../../closer_desk/app.py" line="69" />
        <source>Companies</source>
        <translation>Sociétés</translation>
    </message>
    <message>
        <location filename="../../closer_desk/app.py" line="75" />
        <source>Prospects</source>
        <translation>Prospects</translation>
    </message>
    <message>
        <location filename="../../closer_desk/app.py" line="80" />
        <source>Closers</source>
        <translation>Closers</translation>
    </message>
    <message>
        <location filename="../../closer_desk/app.py" line="151" />
        <source>The agenda could not be opened.</source>
        <translation>L’agenda n’a pas pu être ouvert.</translation>
    </message>
</context>
<context>
    <name>AppointmentEditor</name>
    <message>
        <location filename="../../closer_desk/ui/editor.py" line="66" />
        <source>Edit call</source>
        <translation>Modifier l’appel</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/editor.py" line="66" />
        <source>New call</source>
        <translation>Nouvel appel</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/editor.py" line="81" />
        <source>New prospect…</source>
        <translation>Nouveau prospect…</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/editor.py" line="83" />
        <source>Video</source>
        <translation>Visio</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/editor.py" line="84" />
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/editor.py" line="115" />
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/editor.py" line="122" />
        <source> min before</source>
        <translation> min avant</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/editor.py" line="139" />
        <source>Company:</source>
        <translation>Société :</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/editor.py" line="140" />
        <source>Prospect:</source>
        <translation>Prospect :</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/editor.py" line="141" />
        <source>Kind:</source>
        <translation>Type :</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/editor.py" line="142" />
        <source>Date and time:</source>
        <translation>Date et heure :</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/editor.py" line="143" />
        <source>Typed in:</source>
        <translation>Saisie en :</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/editor.py" line="145" />
        <source>Both times:</source>
        <translation>Les deux heures :</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/editor.py" line="146" />
        <source>Length:</source>
        <translation>Durée :</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/editor.py" line="147" />
        <source>Video link:</source>
        <translation>Lien visio :</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/editor.py" line="148" />
        <source>Phone number:</source>
        <translation>Numéro :</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/editor.py" line="151" />
        <source>Reminder:</source>
        <translation>Rappel :</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/editor.py" line="157" />
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/editor.py" line="157" />
        <source>Book</source>
        <translation>Réserver</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/editor.py" line="274" />
        <source>My time (%1)</source>
        <translation>Mon heure (%1)</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/editor.py" line="277" />
        <source>The prospect's time (%1)</source>
        <translation>L’heure du prospect (%1)</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/editor.py" line="279" />
        <source>The prospect's time</source>
        <translation>L’heure du prospect</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/editor.py" line="308" />
        <source>This time does not exist in %1 that day (the clocks jump forward). Which do you mean?</source>
        <translation>Cette heure n’existe pas à %1 ce jour-là (on avance les horloges). Laquelle voulez-vous dire ?</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/editor.py" line="314" />
        <source>This time happens twice in %1 that day (the clocks go back). Which do you mean?</source>
        <translation>Cette heure a lieu deux fois à %1 ce jour-là (on recule les horloges). Laquelle voulez-vous dire ?</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/editor.py" line="321" />
        <source>%1 (UTC%2), %3 for you</source>
        <translation>%1 (UTC%2), %3 pour vous</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/editor.py" line="331" />
        <source>Choose one of the two times above.</source>
        <translation>Choisissez l’une des deux heures ci-dessus.</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/editor.py" line="335" />
        <source>You</source>
        <translation>Vous</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/editor.py" line="340" />
        <source>%1: %2 %3–%4 (%5)</source>
        <translation>%1 : %2 %3–%4 (%5)</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/editor.py" line="353" />
        <source>Choose a company.</source>
        <translation>Choisissez une société.</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/editor.py" line="356" />
        <source>Choose a prospect (or add a new one).</source>
        <translation>Choisissez un prospect (ou ajoutez-en un).</translation>
    </message>
    <message numerus="yes">
        <location filename="../../closer_desk/ui/editor.py" line="463" />
        <source>Overlaps %n other call(s) of yours.</source>
        <translation><numerusform>Chevauche %n autre de vos appels.</numerusform><numerusform>Chevauche %n autres de vos appels.</numerusform></translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/editor.py" line="470" />
        <source>The clocks jump forward at this time: choose which time you mean.</source>
        <translation>Les horloges avancent à cette heure : choisissez l’heure voulue.</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/editor.py" line="474" />
        <source>The clocks go back at this time: it happens twice, choose which one.</source>
        <translation>Les horloges reculent à cette heure : elle a lieu deux fois, choisissez laquelle.</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/editor.py" line="479" />
        <source>This time is in the past.</source>
        <translation>Cette heure est passée.</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/editor.py" line="481" />
        <source>It is the weekend for %1.</source>
        <translation>C’est le week-end pour %1.</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/editor.py" line="486" />
        <source>Outside your working hours.</source>
        <translation>En dehors de vos heures de travail.</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/editor.py" line="488" />
        <source>Outside the company's hours.</source>
        <translation>En dehors des horaires de la société.</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/editor.py" line="489" />
        <source>Outside %1's business hours.</source>
        <translation>En dehors des heures ouvrées de %1.</translation>
    </message>
</context>
<context>
    <name>CallOperations</name>
    <message>
        <location filename="../../closer_desk/ui/operations.py" line="73" />
        <source>Not done</source>
        <translation>Non effectué</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/operations.py" line="81" />
        <source>Overlapping calls</source>
        <translation>Appels qui se chevauchent</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/operations.py" line="84" />
        <source>Do it anyway?</source>
        <translation>Le faire quand même ?</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/operations.py" line="126" />
        <source>New call</source>
        <translation>Nouvel appel</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/operations.py" line="140" />
        <source>%1 does not exist on that day in %2 (the clocks jump forward). Which time do you mean?</source>
        <translation>%1 n’existe pas ce jour-là à %2 (on avance les horloges). Quelle heure voulez-vous dire ?</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/operations.py" line="145" />
        <source>%1 happens twice on that day in %2 (the clocks go back). Which one do you mean?</source>
        <translation>%1 a lieu deux fois ce jour-là à %2 (on recule les horloges). Laquelle voulez-vous dire ?</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/operations.py" line="158" />
        <source>The call was not moved.</source>
        <translation>L’appel n’a pas été déplacé.</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/operations.py" line="166" />
        <source>Resize call</source>
        <translation>Redimensionner l’appel</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/operations.py" line="168" />
        <source>Move call</source>
        <translation>Déplacer l’appel</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/operations.py" line="205" />
        <source>Edit call</source>
        <translation>Modifier l’appel</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/operations.py" line="216" />
        <source>Cancel the call</source>
        <translation>Annuler l’appel</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/operations.py" line="217" />
        <source>Cancel the call with %1? Its time is freed.</source>
        <translation>Annuler l’appel avec %1 ? Le créneau sera libéré.</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/operations.py" line="231" />
        <source>Cancel call</source>
        <translation>Annuler l’appel</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/operations.py" line="242" />
        <source>Delete the call</source>
        <translation>Supprimer l’appel</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/operations.py" line="243" />
        <source>Delete the call with %1 from the agenda?</source>
        <translation>Supprimer de l’agenda l’appel avec %1 ?</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/operations.py" line="256" />
        <source>Delete call</source>
        <translation>Supprimer l’appel</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/operations.py" line="269" />
        <source>Deal won</source>
        <translation>Vente gagnée</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/operations.py" line="270" />
        <source>Deal value (%1):</source>
        <translation>Montant de la vente (%1) :</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/operations.py" line="285" />
        <source>Record outcome</source>
        <translation>Enregistrer le résultat</translation>
    </message>
</context>
<context>
    <name>DetailsPane</name>
    <message>
        <location filename="../../closer_desk/ui/details.py" line="88" />
        <source>Select a call to see its details.</source>
        <translation>Sélectionnez un appel pour voir ses détails.</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/details.py" line="92" />
        <source>Call</source>
        <translation>Appeler</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/details.py" line="93" />
        <source>Join the video call</source>
        <translation>Rejoindre la visio</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/details.py" line="98" />
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/details.py" line="99" />
        <source>Cancel call…</source>
        <translation>Annuler l’appel…</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/details.py" line="103" />
        <source>Their time now:</source>
        <translation>Son heure actuelle :</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/details.py" line="104" />
        <source>When:</source>
        <translation>Quand :</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/details.py" line="105" />
        <source>Company:</source>
        <translation>Société :</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/details.py" line="106" />
        <source>Kind:</source>
        <translation>Type :</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/details.py" line="107" />
        <source>Status:</source>
        <translation>Statut :</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/details.py" line="113" />
        <source>After the call</source>
        <translation>Après l’appel</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/details.py" line="118" />
        <source>Won</source>
        <translation>Gagné</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/details.py" line="119" />
        <source>Lost</source>
        <translation>Perdu</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/details.py" line="120" />
        <source>Follow-up</source>
        <translation>À relancer</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/details.py" line="121" />
        <source>No-show</source>
        <translation>Absent</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/details.py" line="200" />
        <source>%1 %2 (you) · %3 %4 (%5)</source>
        <translation>%1 %2 (vous) · %3 %4 (%5)</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/details.py" line="209" />
        <source>%1, %2 min</source>
        <translation>%1, %2 min</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/details.py" line="251" />
        <source>This link was not opened: only https:// links are opened from a call.</source>
        <translation>Ce lien n’a pas été ouvert : seuls les liens https:// sont ouverts depuis un appel.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../closer_desk/ui/mainwindow.py" line="88" />
        <source>Agenda</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/mainwindow.py" line="98" />
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/mainwindow.py" line="99" />
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/mainwindow.py" line="100" />
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/mainwindow.py" line="101" />
        <source>&amp;Go</source>
        <translation>A&amp;ller</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/mainwindow.py" line="102" />
        <source>&amp;Tools</source>
        <translation>&amp;Outils</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/mainwindow.py" line="103" />
        <source>&amp;Settings</source>
        <translation>&amp;Paramètres</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/mainwindow.py" line="104" />
        <source>&amp;Help</source>
        <translation>Aid&amp;e</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/mainwindow.py" line="194" />
        <source>&amp;New call…</source>
        <translation>&amp;Nouvel appel…</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/mainwindow.py" line="196" />
        <source>Load &amp;demo data</source>
        <translation>Charger les &amp;données de démonstration</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/mainwindow.py" line="198" />
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/mainwindow.py" line="200" />
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/mainwindow.py" line="202" />
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/mainwindow.py" line="209" />
        <source>&amp;Edit call…</source>
        <translation>&amp;Modifier l’appel…</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/mainwindow.py" line="211" />
        <source>&amp;Cancel call…</source>
        <translation>A&amp;nnuler l’appel…</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/mainwindow.py" line="213" />
        <source>De&amp;lete call…</source>
        <translation>&amp;Supprimer l’appel…</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/mainwindow.py" line="215" />
        <source>&amp;Find…</source>
        <translation>&amp;Rechercher…</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/mainwindow.py" line="217" />
        <source>&amp;Day</source>
        <translation>&amp;Jour</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/mainwindow.py" line="219" />
        <source>&amp;Week</source>
        <translation>&amp;Semaine</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/mainwindow.py" line="222" />
        <source>&amp;List</source>
        <translation>&amp;Liste</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/mainwindow.py" line="225" />
        <source>&amp;Today</source>
        <translation>&amp;Aujourd’hui</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/mainwindow.py" line="226" />
        <source>&amp;Previous day</source>
        <translation>Jour &amp;précédent</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/mainwindow.py" line="227" />
        <source>&amp;Next day</source>
        <translation>Jour &amp;suivant</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/mainwindow.py" line="228" />
        <source>Previous wee&amp;k</source>
        <translation>Semaine pré&amp;cédente</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/mainwindow.py" line="229" />
        <source>Next wee&amp;k</source>
        <translation>Semaine sui&amp;vante</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/mainwindow.py" line="231" />
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/mainwindow.py" line="234" />
        <source>System</source>
        <translation>Système</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/mainwindow.py" line="243" />
        <source>Navigation</source>
        <translation>Navigation</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/mainwindow.py" line="249" />
        <source>Today</source>
        <translation>Aujourd’hui</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/mainwindow.py" line="298" />
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/mainwindow.py" line="301" />
        <source>Working…</source>
        <translation>En cours…</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/mainwindow.py" line="344" />
        <source>The language will change the next time closer_desk starts.</source>
        <translation>La langue changera au prochain démarrage de closer_desk.</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/mainwindow.py" line="361" />
        <source>Demo data</source>
        <translation>Données de démonstration</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/mainwindow.py" line="368" />
        <source>Your first company</source>
        <translation>Votre première société</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/mainwindow.py" line="368" />
        <source>Name of the client company:</source>
        <translation>Nom de la société cliente :</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/mainwindow.py" line="378" />
        <source>Company</source>
        <translation>Société</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/mainwindow.py" line="386" />
        <source>About you</source>
        <translation>Vous</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../closer_desk/ui/prompts.py" line="34" />
        <source>Unknown time zone “%1”.</source>
        <translation>Fuseau horaire « %1 » inconnu.</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/prompts.py" line="39" />
        <source>%1 does not exist in %2: the clocks jump forward.</source>
        <translation>%1 n’existe pas à %2 : on avance les horloges.</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/prompts.py" line="47" />
        <source>%1 happens twice in %2: the clocks go back.</source>
        <translation>%1 a lieu deux fois à %2 : on recule les horloges.</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/prompts.py" line="53" />
        <source>This overlaps another call of the closer: %1.</source>
        <translation>Cela chevauche un autre appel du closer : %1.</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/prompts.py" line="57" />
        <source>Several match “%1”.</source>
        <translation>Plusieurs correspondent à « %1 ».</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/prompts.py" line="61" />
        <source>This %1 is no longer in the agenda.</source>
        <translation>Cet élément (%1) n’est plus dans l’agenda.</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/prompts.py" line="65" />
        <source>“%1” already exists.</source>
        <translation>« %1 » existe déjà.</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/prompts.py" line="70" />
        <source>Only https:// links are accepted for calls.</source>
        <translation>Seuls les liens https:// sont acceptés pour les appels.</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/prompts.py" line="74" />
        <source>This is not a valid phone number (use the international form, e.g. +33 6 12 34 56 78).</source>
        <translation>Ce numéro de téléphone n’est pas valide (utilisez la forme internationale, par ex. +33 6 12 34 56 78).</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/prompts.py" line="79" />
        <source>This field cannot be empty.</source>
        <translation>Ce champ ne peut pas être vide.</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/prompts.py" line="80" />
        <source>Invalid value for %1.</source>
        <translation>Valeur invalide pour %1.</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/prompts.py" line="85" />
        <source>This agenda was written by a newer version of closer_desk (schema %1; this version knows up to %2). It was not changed. Update closer_desk to open it.</source>
        <translation>Cet agenda a été écrit par une version plus récente de closer_desk (schéma %1 ; cette version connaît jusqu’au %2). Il n’a pas été modifié. Mettez closer_desk à jour pour l’ouvrir.</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/prompts.py" line="95" />
        <source>Something went wrong: %1</source>
        <translation>Une erreur est survenue : %1</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/prompts.py" line="120" />
        <source>Which time?</source>
        <translation>Quelle heure ?</translation>
    </message>
</context>
<context>
    <name>QuickProspectDialog</name>
    <message>
        <location filename="../../closer_desk/ui/editor.py" line="500" />
        <source>New prospect</source>
        <translation>Nouveau prospect</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/editor.py" line="509" />
        <source>Name:</source>
        <translation>Nom :</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/editor.py" line="510" />
        <source>Time zone:</source>
        <translation>Fuseau horaire :</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <location filename="../../closer_desk/ui/sidebar.py" line="54" />
        <source>Search prospects and companies</source>
        <translation>Rechercher prospects et sociétés</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/sidebar.py" line="59" />
        <source>Closer</source>
        <translation>Closer</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/sidebar.py" line="61" />
        <source>Companies</source>
        <translation>Sociétés</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/sidebar.py" line="63" />
        <source>Second time scale</source>
        <translation>Deuxième échelle horaire</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/sidebar.py" line="69" />
        <source>Selected prospect's zone</source>
        <translation>Fuseau du prospect sélectionné</translation>
    </message>
</context>
<context>
    <name>TimeGrid</name>
    <message>
        <location filename="../../closer_desk/ui/timegrid.py" line="130" />
        <source>%1 %2 · %3</source>
        <translation>%1 %2 · %3</translation>
    </message>
</context>
<context>
    <name>WelcomePanel</name>
    <message>
        <location filename="../../closer_desk/ui/firstrun.py" line="40" />
        <source>Welcome to closer_desk</source>
        <translation>Bienvenue dans closer_desk</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/firstrun.py" line="47" />
        <source>Your agenda is empty. Start with sample calls to look around, or with your own first client company.</source>
        <translation>Votre agenda est vide. Commencez avec des appels d’exemple pour découvrir, ou avec votre première société cliente.</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/firstrun.py" line="53" />
        <source>About you</source>
        <translation>Vous</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/firstrun.py" line="70" />
        <source>Mon</source>
        <translation>lun.</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/firstrun.py" line="71" />
        <source>Tue</source>
        <translation>mar.</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/firstrun.py" line="72" />
        <source>Wed</source>
        <translation>mer.</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/firstrun.py" line="73" />
        <source>Thu</source>
        <translation>jeu.</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/firstrun.py" line="74" />
        <source>Fri</source>
        <translation>ven.</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/firstrun.py" line="75" />
        <source>Sat</source>
        <translation>sam.</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/firstrun.py" line="76" />
        <source>Sun</source>
        <translation>dim.</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/firstrun.py" line="83" />
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/firstrun.py" line="88" />
        <source>Your name:</source>
        <translation>Votre nom :</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/firstrun.py" line="89" />
        <source>Home time zone:</source>
        <translation>Fuseau horaire :</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/firstrun.py" line="90" />
        <source>Working hours:</source>
        <translation>Heures de travail :</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/firstrun.py" line="91" />
        <source>Working days:</source>
        <translation>Jours travaillés :</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/firstrun.py" line="95" />
        <source>Load demo data</source>
        <translation>Charger des données de démonstration</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/firstrun.py" line="96" />
        <source>Add your first company</source>
        <translation>Ajouter votre première société</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/firstrun.py" line="133" />
        <source>Please enter your name.</source>
        <translation>Saisissez votre nom.</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/firstrun.py" line="138" />
        <source>Unknown time zone.</source>
        <translation>Fuseau horaire inconnu.</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/firstrun.py" line="140" />
        <source>Your day must end after it starts.</source>
        <translation>Votre journée doit finir après avoir commencé.</translation>
    </message>
</context>
</TS>