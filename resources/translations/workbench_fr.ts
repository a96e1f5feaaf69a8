<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>Canvas</name>
    <message>
        <source>Edit text</source>
        <extracomment>Set for a step just added by Enter: cancelling takes the step away again.</extracomment>
        <translation>Modifier le texte</translation>
    </message>
    <message>
        <source>Delete {count} elements</source>
        <translation>Supprimer {count} éléments</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>The clipboard does not hold cards the workbench can paste.</source>
        <translation>Le presse-papiers ne contient pas de cartes que l&apos;atelier peut coller.</translation>
    </message>
    <message>
        <source>no lane of this map takes that kind of card</source>
        <translation>aucune ligne de cette carte n&apos;accepte ce type de carte</translation>
    </message>
    <message>
        <source>Paste {count} cards</source>
        <translation>Coller {count} cartes</translation>
    </message>
    <message>
        <source>Not possible: {reason}</source>
        <translation>Impossible : {reason}</translation>
    </message>
    <message>
        <source>A handoff goes from a digital touchpoint to a human one.</source>
        <translation>Un relais part d&apos;un point de contact numérique vers un point de contact humain.</translation>
    </message>
    <message>
        <source>These two touchpoints are already linked by a handoff.</source>
        <translation>Ces deux points de contact sont déjà reliés par un relais.</translation>
    </message>
    <message>
        <source>Add handoff</source>
        <translation>Ajouter un relais</translation>
    </message>
    <message>
        <source>Move stage</source>
        <translation>Déplacer la phase</translation>
    </message>
    <message>
        <source>Move lane</source>
        <translation>Déplacer la ligne</translation>
    </message>
    <message>
        <source>Set emotion</source>
        <translation>Régler l&apos;émotion</translation>
    </message>
    <message>
        <source>A card can only go in a cell of a lane of its kind.</source>
        <translation>Une carte ne peut aller que dans une ligne de son type.</translation>
    </message>
    <message>
        <source>Move card</source>
        <translation>Déplacer la carte</translation>
    </message>
    <message>
        <source>Move {count} cards</source>
        <translation>Déplacer {count} cartes</translation>
    </message>
    <message>
        <source>Move step</source>
        <translation>Déplacer l&apos;étape</translation>
    </message>
    <message>
        <source>Add card</source>
        <translation>Ajouter une carte</translation>
    </message>
    <message>
        <source>New step</source>
        <translation>Nouvelle étape</translation>
    </message>
    <message>
        <source>Add step</source>
        <translation>Ajouter une étape</translation>
    </message>
    <message>
        <source>New stage</source>
        <translation>Nouvelle phase</translation>
    </message>
    <message>
        <source>Add stage</source>
        <translation>Ajouter une phase</translation>
    </message>
    <message>
        <source>New lane</source>
        <translation>Nouvelle ligne</translation>
    </message>
    <message>
        <source>Add lane</source>
        <translation>Ajouter une ligne</translation>
    </message>
    <message>
        <source>An advisor takes over</source>
        <translation>Un conseiller prend le relais</translation>
    </message>
    <message>
        <source>there is no cell further in that direction</source>
        <translation>il n&apos;y a plus de case dans cette direction</translation>
    </message>
    <message>
        <source>Mobile app</source>
        <translation>Application mobile</translation>
    </message>
    <message>
        <source>Phone with an advisor</source>
        <translation>Conseiller au téléphone</translation>
    </message>
    <message>
        <source>Shop or branch</source>
        <translation>Magasin ou agence</translation>
    </message>
    <message>
        <source>What the customer does</source>
        <translation>Ce que fait le client</translation>
    </message>
    <message>
        <source>What happens here</source>
        <translation>Ce qui se passe ici</translation>
    </message>
    <message>
        <source>What the customer thinks</source>
        <translation>Ce que pense le client</translation>
    </message>
    <message>
        <source>What goes wrong</source>
        <translation>Ce qui coince</translation>
    </message>
    <message>
        <source>An idea to do better</source>
        <translation>Une idée pour faire mieux</translation>
    </message>
    <message>
        <source>What the organisation does</source>
        <translation>Ce que fait l&apos;organisation</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>FindingsPanel</name>
    <message>
        <source>Finding</source>
        <extracomment>The element ids of the finding the user clicked. A fresh report, after the timer ran.</extracomment>
        <translation>Constat</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>Condition</translation>
    </message>
    <message>
        <source>{errors} errors, {warnings} warnings, {infos} notes</source>
        <translation>{errors} erreurs, {warnings} avertissements, {infos} remarques</translation>
    </message>
</context>
<context>
    <name>ImageExport</name>
    <message>
        <source>the image would be {width} x {height} pixels; choose a smaller scale</source>
        <extracomment>Larger images than this are refused: a 1,000-step map at 2x would need gigabytes.</extracomment>
        <translation>l&apos;image ferait {width} x {height} pixels ; choisissez une échelle plus petite</translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Emotion note</source>
        <translation>Note sur l&apos;émotion</translation>
    </message>
    <message>
        <source>Moment of truth</source>
        <translation>Moment de vérité</translation>
    </message>
    <message>
        <source>Goal or end of the journey</source>
        <translation>But ou fin du parcours</translation>
    </message>
    <message>
        <source>Served in person on purpose</source>
        <translation>Servie en personne, volontairement</translation>
    </message>
    <message>
        <source>The customer re-enters earlier data here</source>
        <translation>Le client ressaisit ici des données déjà fournies</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <source>Digital</source>
        <translation>Numérique</translation>
    </message>
    <message>
        <source>Human</source>
        <translation>Humain</translation>
    </message>
    <message>
        <source>Physical</source>
        <translation>Physique</translation>
    </message>
    <message>
        <source>Nature</source>
        <translation>Nature</translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation>Déclencheur</translation>
    </message>
    <message>
        <source>Context carried over</source>
        <translation>Contexte transmis</translation>
    </message>
    <message>
        <source>Expected wait</source>
        <translation>Attente prévue</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(aucune)</translation>
    </message>
    <message>
        <source>Return step</source>
        <translation>Étape de retour</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Libellé</translation>
    </message>
    <message>
        <source>Sector</source>
        <translation>Secteur</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation>Scénario</translation>
    </message>
    <message>
        <source>Persona</source>
        <translation>Persona</translation>
    </message>
    <message>
        <source>Who they are</source>
        <translation>Qui est-ce</translation>
    </message>
    <message>
        <source>Goals</source>
        <translation>Objectifs</translation>
    </message>
    <message>
        <source>Frustrations</source>
        <translation>Frustrations</translation>
    </message>
    <message>
        <source>Person within</source>
        <translation>Personne à moins de</translation>
    </message>
    <message>
        <source>Emotion cliff</source>
        <translation>Chute d&apos;émotion</translation>
    </message>
    <message>
        <source>One a line</source>
        <translation>Un par ligne</translation>
    </message>
    <message>
        <source>Authors</source>
        <translation>Auteurs</translation>
    </message>
    <message>
        <source>Separated by commas</source>
        <translation>Séparés par des virgules</translation>
    </message>
    <message>
        <source>Health check: how many steps away a person still counts as within reach</source>
        <translation>Bilan de santé : à combien d&apos;étapes une personne compte encore comme joignable</translation>
    </message>
    <message>
        <source>Health check: a drop of this many emotion levels is a cliff</source>
        <translation>Bilan de santé : une chute de ce nombre de niveaux d&apos;émotion est une rupture</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Customer action</source>
        <translation>Action du client</translation>
    </message>
    <message>
        <source>Touchpoint</source>
        <translation>Point de contact</translation>
    </message>
    <message>
        <source>Thought</source>
        <translation>Pensée</translation>
    </message>
    <message>
        <source>Pain point</source>
        <translation>Irritant</translation>
    </message>
    <message>
        <source>Opportunity</source>
        <translation>Opportunité</translation>
    </message>
    <message>
        <source>Backstage</source>
        <translation>Coulisses</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Edit {field}</source>
        <translation>Modifier : {field}</translation>
    </message>
    <message>
        <source>Not possible: {reason}</source>
        <translation>Impossible : {reason}</translation>
    </message>
    <message>
        <source>+2 very positive</source>
        <translation>+2 très positive</translation>
    </message>
    <message>
        <source>+1 positive</source>
        <translation>+1 positive</translation>
    </message>
    <message>
        <source>0 neutral</source>
        <translation>0 neutre</translation>
    </message>
    <message>
        <source>-1 negative</source>
        <translation>-1 négative</translation>
    </message>
    <message>
        <source>-2 very negative</source>
        <translation>-2 très négative</translation>
    </message>
    <message>
        <source>Emotion</source>
        <translation>Émotion</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>Accueillir</translation>
    </message>
    <message>
        <source>Guide</source>
        <translation>Guider</translation>
    </message>
    <message>
        <source>Assist</source>
        <translation>Assister</translation>
    </message>
    <message>
        <source>Anticipate</source>
        <translation>Anticiper</translation>
    </message>
    <message>
        <source>Intents</source>
        <translation>Intentions</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;New...</source>
        <translation>&amp;Nouveau…</translation>
    </message>
    <message>
        <source>New from &amp;sector</source>
        <translation>Nouveau depuis un &amp;secteur</translation>
    </message>
    <message>
        <source>&amp;Open...</source>
        <translation>&amp;Ouvrir…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Fichiers &amp;récents</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>Save &amp;As...</source>
        <translation>Enregistrer &amp;sous…</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Fermer</translation>
    </message>
    <message>
        <source>Export &amp;PDF...</source>
        <translation>Exporter en &amp;PDF…</translation>
    </message>
    <message>
        <source>Export &amp;Image...</source>
        <translation>Exporter une &amp;image…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Rétablir</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>Co&amp;uper</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copier</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>Co&amp;ller</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>&amp;Tout sélectionner</translation>
    </message>
    <message>
        <source>&amp;Edit Text</source>
        <translation>&amp;Modifier le texte</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>Zoom &amp;avant</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Zoom a&amp;rrière</translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation>Taille &amp;réelle</translation>
    </message>
    <message>
        <source>&amp;Fit to Window</source>
        <translation>&amp;Ajuster à la fenêtre</translation>
    </message>
    <message>
        <source>&amp;Presentation Zoom</source>
        <translation>Zoom &amp;présentation</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>&amp;About Journey Workbench</source>
        <translation>À &amp;propos de Journey Workbench</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Principale</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>Sans titre</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <source>Save the changes to {name} before closing it?</source>
        <translation>Enregistrer les modifications de {name} avant de le fermer ?</translation>
    </message>
    <message>
        <source> (read-only)</source>
        <translation> (lecture seule)</translation>
    </message>
    <message>
        <source>Untitled journey</source>
        <translation>Parcours sans titre</translation>
    </message>
    <message>
        <source>Palette</source>
        <translation>Palette</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>Inspecteur</translation>
    </message>
    <message>
        <source>Open journey</source>
        <translation>Ouvrir un parcours</translation>
    </message>
    <message>
        <source>Journey files (*.journey);;All files (*)</source>
        <translation>Fichiers de parcours (*.journey);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Cannot open journey</source>
        <translation>Impossible d&apos;ouvrir le parcours</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Constats</translation>
    </message>
    <message>
        <source>Save journey</source>
        <translation>Enregistrer le parcours</translation>
    </message>
    <message>
        <source>Journey files (*.journey)</source>
        <translation>Fichiers de parcours (*.journey)</translation>
    </message>
    <message>
        <source>Cannot save journey</source>
        <translation>Impossible d&apos;enregistrer le parcours</translation>
    </message>
    <message>
        <source>{path} was not saved: {reason}
Your work is still open; try another folder.</source>
        <translation>{path} n&apos;a pas été enregistré : {reason}
Votre travail est toujours ouvert ; essayez un autre dossier.</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>{path} enregistré</translation>
    </message>
    <message>
        <source>Exported {path}</source>
        <translation>{path} exporté</translation>
    </message>
    <message>
        <source>{name}[*]{suffix} - Journey Workbench</source>
        <translation>{name}[*]{suffix} - Journey Workbench</translation>
    </message>
    <message>
        <source>{steps} steps · touchpoints: {d} digital, {h} human, {p} physical · {handoffs} handoffs</source>
        <translation>{steps} étapes · points de contact : {d} numériques, {h} humains, {p} physiques · {handoffs} relais</translation>
    </message>
    <message>
        <source>Zoom {percent}%</source>
        <translation>Zoom {percent} %</translation>
    </message>
    <message>
        <source>About Journey Workbench</source>
        <translation>À propos de Journey Workbench</translation>
    </message>
    <message>
        <source>Journey Workbench {version}
Design customer journey maps.</source>
        <translation>Journey Workbench {version}
Concevez vos parcours clients.</translation>
    </message>
</context>
<context>
    <name>NewJourneyDialog</name>
    <message>
        <source>New journey</source>
        <translation>Nouveau parcours</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Blank journey
Start from an empty map.</source>
        <translation>Parcours vierge
Partir d&apos;une carte vide.</translation>
    </message>
</context>
<context>
    <name>Palette</name>
    <message>
        <source>Step</source>
        <translation>Étape</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>Lane</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <source>Digital touchpoint</source>
        <translation>Point de contact numérique</translation>
    </message>
    <message>
        <source>Human touchpoint</source>
        <translation>Point de contact humain</translation>
    </message>
    <message>
        <source>Physical touchpoint</source>
        <translation>Point de contact physique</translation>
    </message>
    <message>
        <source>Customer action</source>
        <translation>Action du client</translation>
    </message>
    <message>
        <source>Thought</source>
        <translation>Pensée</translation>
    </message>
    <message>
        <source>Pain point</source>
        <translation>Irritant</translation>
    </message>
    <message>
        <source>Opportunity</source>
        <translation>Opportunité</translation>
    </message>
    <message>
        <source>Backstage</source>
        <translation>Coulisses</translation>
    </message>
    <message>
        <source>Handoff to a person</source>
        <translation>Relais vers une personne</translation>
    </message>
    <message>
        <source>Emotion</source>
        <translation>Émotion</translation>
    </message>
    <message>
        <source>Drag onto the map</source>
        <translation>Faites glisser sur la carte</translation>
    </message>
</context>
<context>
    <name>PdfExportDialog</name>
    <message>
        <source>Export PDF</source>
        <translation>Exporter en PDF</translation>
    </message>
    <message>
        <source>Landscape</source>
        <translation>Paysage</translation>
    </message>
    <message>
        <source>Portrait</source>
        <translation>Portrait</translation>
    </message>
    <message>
        <source>Whole map on one page</source>
        <translation>Toute la carte sur une page</translation>
    </message>
    <message>
        <source>Readable size, over several pages</source>
        <translation>Taille lisible, sur plusieurs pages</translation>
    </message>
    <message>
        <source>Title page</source>
        <translation>Page de titre</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>Légende</translation>
    </message>
    <message>
        <source>Health check findings</source>
        <translation>Constats du bilan de santé</translation>
    </message>
    <message>
        <source>Open the PDF when done</source>
        <translation>Ouvrir le PDF à la fin</translation>
    </message>
    <message>
        <source>Page size</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Orientation</source>
        <translation>Orientation</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>Carte</translation>
    </message>
    <message>
        <source>Include</source>
        <translation>Inclure</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Fichiers PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Exporting the PDF...</source>
        <translation>Export du PDF…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Cannot export</source>
        <translation>Export impossible</translation>
    </message>
    <message>
        <source>{path} was not written: {reason}</source>
        <translation>{path} n&apos;a pas été écrit : {reason}</translation>
    </message>
    <message>
        <source>Export image</source>
        <translation>Exporter une image</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>Image PNG (*.png);;Dessin SVG (*.svg)</translation>
    </message>
</context>
</TS>
