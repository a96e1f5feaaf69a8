<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>Autosaver</name>
    <message>
        <source>The journey was saved, but no version of it could be kept: {reason}</source>
        <extracomment>Test hook (tests/realprocess, benchmarks/kill_recover.py): &quot;N&quot; or &quot;N@GAP_MS&quot; scripted edits after start. Seconds after the last change (overridden by the environment, or per instance by tests). Seconds at most between the first change not in a copy and the copy.</extracomment>
        <translation>Le parcours a été enregistré, mais aucune version n&apos;a pu en être conservée&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Autosave failed, your unsaved work has no recovery copy: {reason}</source>
        <translation>L&apos;enregistrement automatique a échoué&#xa0;; votre travail non enregistré n&apos;a pas de copie de récupération&#xa0;: {reason}</translation>
    </message>
</context>
<context>
    <name>Canvas</name>
    <message>
        <source>Edit text</source>
        <extracomment>Set for a step just added by Enter: cancelling takes the step away again. A touchpoint&apos;s channel (Tab goes on to it); None for anything else.</extracomment>
        <translation>Modifier le texte</translation>
    </message>
    <message>
        <source>Delete {count} elements</source>
        <translation>Supprimer {count} éléments</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <source>Channel: mobile app, phone with an advisor, shop...</source>
        <translation>Canal&#xa0;: application mobile, conseiller au téléphone, magasin…</translation>
    </message>
    <message>
        <source>Edit touchpoint</source>
        <translation>Modifier le point de contact</translation>
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
        <extracomment>Started from a menu: the next click finishes it (no button is held).</extracomment>
        <translation>Impossible : {reason}</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Annulé.</translation>
    </message>
    <message>
        <source>Move cancelled.</source>
        <translation>Déplacement annulé.</translation>
    </message>
    <message>
        <source>A handoff goes from a digital touchpoint to a human one.</source>
        <translation>Un relais part d&apos;un point de contact numérique vers un point de contact humain.</translation>
    </message>
    <message>
        <source>Click the human touchpoint that takes over (Escape cancels).</source>
        <translation>Cliquez sur le point de contact humain qui prend le relais (Échap pour annuler).</translation>
    </message>
    <message>
        <source>Click the step this one leads to (Escape cancels).</source>
        <translation>Cliquez sur l&apos;étape à laquelle mène celle-ci (Échap pour annuler).</translation>
    </message>
    <message>
        <source>These two touchpoints are already linked by a handoff.</source>
        <translation>Ces deux points de contact sont déjà reliés par un relais.</translation>
    </message>
    <message>
        <source>A link goes to a step: release it on the step&apos;s header or column.</source>
        <translation>Un lien mène à une étape&#xa0;: relâchez-le sur l&apos;en-tête ou la colonne de l&apos;étape.</translation>
    </message>
    <message>
        <source>A link goes to another step.</source>
        <translation>Un lien mène à une autre étape.</translation>
    </message>
    <message>
        <source>These two steps are already linked.</source>
        <translation>Ces deux étapes sont déjà reliées.</translation>
    </message>
    <message>
        <source>Add link</source>
        <translation>Ajouter un lien</translation>
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
        <source>Duplicate</source>
        <translation>Dupliquer</translation>
    </message>
    <message>
        <source>Change nature</source>
        <translation>Changer la nature</translation>
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
        <source>Hand over to a person...</source>
        <translation>Passer le relais à une personne…</translation>
    </message>
    <message>
        <source>Delete card</source>
        <translation>Supprimer la carte</translation>
    </message>
    <message>
        <source>Duplicate card</source>
        <translation>Dupliquer la carte</translation>
    </message>
    <message>
        <source>Duplicate {count} cards</source>
        <translation>Dupliquer {count} cartes</translation>
    </message>
    <message>
        <source>Edit title</source>
        <translation>Modifier le titre</translation>
    </message>
    <message>
        <source>Duplicate step</source>
        <translation>Dupliquer l&apos;étape</translation>
    </message>
    <message>
        <source>Add step before</source>
        <translation>Ajouter une étape avant</translation>
    </message>
    <message>
        <source>Add step after</source>
        <translation>Ajouter une étape après</translation>
    </message>
    <message>
        <source>Unmark as goal</source>
        <translation>Ne plus marquer comme but</translation>
    </message>
    <message>
        <source>Mark as goal</source>
        <translation>Marquer comme but</translation>
    </message>
    <message>
        <source>Unmark as end</source>
        <translation>Ne plus marquer comme fin</translation>
    </message>
    <message>
        <source>Mark as end</source>
        <translation>Marquer comme fin</translation>
    </message>
    <message>
        <source>Unmark as moment of truth</source>
        <translation>Ne plus marquer comme moment de vérité</translation>
    </message>
    <message>
        <source>Mark as moment of truth</source>
        <translation>Marquer comme moment de vérité</translation>
    </message>
    <message>
        <source>Start a link from here...</source>
        <translation>Tracer un lien depuis cette étape…</translation>
    </message>
    <message>
        <source>Delete step</source>
        <translation>Supprimer l&apos;étape</translation>
    </message>
    <message>
        <source>Add step</source>
        <translation>Ajouter une étape</translation>
    </message>
    <message>
        <source>Add stage before</source>
        <translation>Ajouter une phase avant</translation>
    </message>
    <message>
        <source>Add stage after</source>
        <translation>Ajouter une phase après</translation>
    </message>
    <message>
        <source>Add step to this stage</source>
        <translation>Ajouter une étape à cette phase</translation>
    </message>
    <message>
        <source>Delete stage</source>
        <translation>Supprimer la phase</translation>
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
        <source>Add lane below</source>
        <translation>Ajouter une ligne en dessous</translation>
    </message>
    <message>
        <source>Delete lane</source>
        <translation>Supprimer la ligne</translation>
    </message>
    <message>
        <source>Edit trigger</source>
        <translation>Modifier le déclencheur</translation>
    </message>
    <message>
        <source>Mark context as lost</source>
        <translation>Marquer le contexte comme perdu</translation>
    </message>
    <message>
        <source>Mark context as carried over</source>
        <translation>Marquer le contexte comme transmis</translation>
    </message>
    <message>
        <source>Context carried over</source>
        <translation>Contexte transmis</translation>
    </message>
    <message>
        <source>Delete handoff</source>
        <translation>Supprimer le relais</translation>
    </message>
    <message>
        <source>Edit label</source>
        <translation>Modifier le libellé</translation>
    </message>
    <message>
        <source>Delete link</source>
        <translation>Supprimer le lien</translation>
    </message>
    <message>
        <source>Add digital touchpoint here</source>
        <translation>Ajouter ici un point de contact numérique</translation>
    </message>
    <message>
        <source>Add human touchpoint here</source>
        <translation>Ajouter ici un point de contact humain</translation>
    </message>
    <message>
        <source>Add physical touchpoint here</source>
        <translation>Ajouter ici un point de contact physique</translation>
    </message>
    <message>
        <source>Add customer action here</source>
        <translation>Ajouter ici une action du client</translation>
    </message>
    <message>
        <source>Add thought here</source>
        <translation>Ajouter ici une pensée</translation>
    </message>
    <message>
        <source>Add pain point here</source>
        <translation>Ajouter ici un irritant</translation>
    </message>
    <message>
        <source>Add opportunity here</source>
        <translation>Ajouter ici une opportunité</translation>
    </message>
    <message>
        <source>Add backstage action here</source>
        <translation>Ajouter ici une action en coulisses</translation>
    </message>
    <message>
        <source>Add note here</source>
        <translation>Ajouter ici une note</translation>
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
        <source>No emotion</source>
        <translation>Aucune émotion</translation>
    </message>
    <message>
        <source>An advisor takes over</source>
        <translation>Un conseiller prend le relais</translation>
    </message>
    <message>
        <source>there is no cell further in that direction</source>
        <extracomment>An empty cell (step, lane) the keyboard is on; None when an element is. The keys moved last (not the mouse): the element they act on is outlined.</extracomment>
        <translation>il n&apos;y a plus de case dans cette direction</translation>
    </message>
    <message>
        <source>the step is already at the edge of its stage</source>
        <translation>l&apos;étape est déjà à l&apos;extrémité de sa phase</translation>
    </message>
    <message>
        <source>Select a step first: the new element goes next to it.</source>
        <translation>Sélectionnez d&apos;abord une étape&#xa0;: le nouvel élément se place à côté.</translation>
    </message>
    <message>
        <source>Customer actions</source>
        <extracomment>The area that will receive the element (highlighted while dragging). An insertion line (x1, y1, x2, y2) where the element slots in.</extracomment>
        <translation>Actions du client</translation>
    </message>
    <message>
        <source>Touchpoints</source>
        <translation>Points de contact</translation>
    </message>
    <message>
        <source>Thoughts</source>
        <translation>Pensées</translation>
    </message>
    <message>
        <source>Pain points</source>
        <translation>Irritants</translation>
    </message>
    <message>
        <source>Opportunities</source>
        <translation>Opportunités</translation>
    </message>
    <message>
        <source>Backstage</source>
        <translation>Coulisses</translation>
    </message>
    <message>
        <source>custom</source>
        <translation>personnalisée</translation>
    </message>
    <message>
        <source>The workbench does not know this item.</source>
        <translation>L&apos;atelier ne connaît pas cet élément.</translation>
    </message>
    <message>
        <source>Drop it on a cell of the “{lane}” lane (or of a custom lane).</source>
        <translation>Déposez-la dans une case de la ligne «&#xa0;{lane}&#xa0;» (ou d&apos;une ligne personnalisée).</translation>
    </message>
    <message>
        <source>Add a stage first: a step goes in a stage.</source>
        <translation>Ajoutez d&apos;abord une phase&#xa0;: une étape se place dans une phase.</translation>
    </message>
    <message>
        <source>Drop a step below the stage bar, between two steps.</source>
        <translation>Déposez une étape sous la barre des phases, entre deux étapes.</translation>
    </message>
    <message>
        <source>Drop a stage on the stage bar at the top of the map.</source>
        <translation>Déposez une phase sur la barre des phases, en haut de la carte.</translation>
    </message>
    <message>
        <source>Drop a lane between two lanes, below the step headers.</source>
        <translation>Déposez une ligne entre deux lignes, sous les en-têtes des étapes.</translation>
    </message>
    <message>
        <source>Drop an emotion on the Emotions lane, at the height of the feeling.</source>
        <translation>Déposez une émotion sur la ligne Émotions, à la hauteur du ressenti.</translation>
    </message>
    <message>
        <source>Drop a handoff on a digital touchpoint: a person takes over from it.</source>
        <translation>Déposez un relais sur un point de contact numérique&#xa0;: une personne prend la suite.</translation>
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
    <name>ChangesPanel</name>
    <message>
        <source>Changes</source>
        <extracomment>The row (index into the diff&apos;s changes) the user chose. &quot;Stop comparing&quot; pressed, or Escape in the list.</extracomment>
        <translation>Modifications</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Modification</translation>
    </message>
    <message>
        <source>Element</source>
        <translation>Élément</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Champs</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Précédente</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Suivante</translation>
    </message>
    <message>
        <source>Stop comparing</source>
        <translation>Arrêter la comparaison</translation>
    </message>
    <message>
        <source>Compared with {name}: {added} added, {removed} removed, {changed} changed, {moved} moved</source>
        <translation>Par rapport à {name}&#xa0;: {added} ajouts, {removed} suppressions, {changed} modifications, {moved} déplacements</translation>
    </message>
    <message>
        <source>Compared with {name}: no differences</source>
        <translation>Par rapport à {name}&#xa0;: aucune différence</translation>
    </message>
    <message>
        <source>Marks show how this map differs from {name}: added here, removed since, changed.</source>
        <translation>Les marques montrent en quoi cette carte diffère de {name}&#xa0;: ce qui a été ajouté ici, supprimé depuis ou modifié.</translation>
    </message>
</context>
<context>
    <name>Comparer</name>
    <message>
        <source>Compare &amp;With...</source>
        <extracomment>Pause after the last edit before the diff is computed again.</extracomment>
        <translation>&amp;Comparer avec…</translation>
    </message>
    <message>
        <source>Show how this map differs from another version of it</source>
        <translation>Afficher les différences entre cette carte et une autre de ses versions</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Modifications</translation>
    </message>
    <message>
        <source>Next Change</source>
        <translation>Modification suivante</translation>
    </message>
    <message>
        <source>Previous Change</source>
        <translation>Modification précédente</translation>
    </message>
    <message>
        <source>Go to the next change (F8)</source>
        <translation>Aller à la modification suivante (F8)</translation>
    </message>
    <message>
        <source>Go to the previous change (Shift+F8)</source>
        <translation>Aller à la modification précédente (Maj+F8)</translation>
    </message>
    <message>
        <source>Remove the marks from the map and close this list (Escape)</source>
        <translation>Retirer les marques de la carte et fermer cette liste (Échap)</translation>
    </message>
    <message>
        <source>Compare with</source>
        <translation>Comparer avec</translation>
    </message>
    <message>
        <source>Journey files (*.journey);;All files (*)</source>
        <translation>Fichiers de parcours (*.journey);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Cannot compare</source>
        <translation>Comparaison impossible</translation>
    </message>
    <message>
        <source>{message}
Nothing was compared.</source>
        <translation>{message}
Rien n&apos;a été comparé.</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>Supprimé</translation>
    </message>
    <message>
        <source>{text} (and {count} cards)</source>
        <translation>{text} (et {count} cartes)</translation>
    </message>
    <message>
        <source>{count} more removed</source>
        <translation>{count} autres éléments supprimés</translation>
    </message>
    <message>
        <source>Comparing with {path}</source>
        <translation>Comparaison avec {path}</translation>
    </message>
    <message>
        <source>The journey&apos;s own fields changed: see the Inspector.</source>
        <translation>Les champs propres au parcours ont été modifiés&#xa0;: consultez l&apos;inspecteur.</translation>
    </message>
    <message>
        <source>Added</source>
        <extracomment>What identifies a row across a recomputed diff (the selection stays on it).</extracomment>
        <translation>Ajouté</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Modifié</translation>
    </message>
    <message>
        <source>Moved</source>
        <translation>Déplacé</translation>
    </message>
    <message>
        <source>Journey</source>
        <translation>Parcours</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Étape</translation>
    </message>
    <message>
        <source>Lane</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Carte</translation>
    </message>
    <message>
        <source>Handoff</source>
        <translation>Relais</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Lien</translation>
    </message>
</context>
<context>
    <name>ConflictRow</name>
    <message>
        <source>Keep mine</source>
        <extracomment>The user picked a side: (conflict id, &quot;ours&quot; | &quot;theirs&quot;). The row was clicked: show its element.</extracomment>
        <translation>Garder la mienne</translation>
    </message>
    <message>
        <source>Take theirs</source>
        <translation>Prendre la leur</translation>
    </message>
    <message>
        <source>Yours:</source>
        <translation>Votre version&#xa0;:</translation>
    </message>
    <message>
        <source>Theirs:</source>
        <translation>Leur version&#xa0;:</translation>
    </message>
    <message>
        <source>{field} of {element}</source>
        <translation>{field} ({element})</translation>
    </message>
    <message>
        <source>Keep your value ({value}) of {what} and close the conflict; it can be undone</source>
        <translation>Garder votre valeur ({value}) pour {what} et clore le conflit&#xa0;; ce choix peut être annulé</translation>
    </message>
    <message>
        <source>Use their value ({value}) for {what} and close the conflict; it can be undone</source>
        <translation>Prendre leur valeur ({value}) pour {what} et clore le conflit&#xa0;; ce choix peut être annulé</translation>
    </message>
    <message>
        <source>{element}, {field}. Yours: {ours}. Theirs: {theirs}.</source>
        <translation>{element}, {field}. Votre version&#xa0;: {ours}. Leur version&#xa0;: {theirs}.</translation>
    </message>
</context>
<context>
    <name>ConflictsPanel</name>
    <message>
        <source>This journey holds 1 merge conflict to resolve</source>
        <extracomment>The height the dock asks for when a journey with conflicts is shown (two rows and the summary).</extracomment>
        <translation>Ce parcours contient 1 conflit de fusion à résoudre</translation>
    </message>
    <message>
        <source>This journey holds {count} merge conflicts to resolve</source>
        <translation>Ce parcours contient {count} conflits de fusion à résoudre</translation>
    </message>
    <message>
        <source>Merge conflicts</source>
        <extracomment>Elements to select on the canvas (a row was clicked). A sentence for the status bar.</extracomment>
        <translation>Conflits de fusion</translation>
    </message>
    <message>
        <source>Choose, for each change made differently on both sides, the version to keep.</source>
        <extracomment>The dock holding the panel (set by :func:`install`). Ids whose change may alter what a row says (the elements concerned, and those they name).</extracomment>
        <translation>Choisissez, pour chaque modification faite différemment des deux côtés, la version à garder.</translation>
    </message>
    <message>
        <source>All conflicts are resolved — save to finish the merge.</source>
        <translation>Tous les conflits sont résolus — enregistrez pour terminer la fusion.</translation>
    </message>
    <message>
        <source>Cannot resolve the conflict</source>
        <translation>Impossible de résoudre le conflit</translation>
    </message>
    <message>
        <source>This element is no longer in the journey.</source>
        <translation>Cet élément ne fait plus partie du parcours.</translation>
    </message>
</context>
<context>
    <name>FileGuard</name>
    <message>
        <source>This is a copy of {path}: save it under a new name.</source>
        <extracomment>Changes on disk come in bursts (a temporary file, a rename, a backup): wait for the last.</extracomment>
        <translation>Ceci est une copie de {path}&#xa0;: enregistrez-la sous un nouveau nom.</translation>
    </message>
    <message>
        <source>Cannot reload journey</source>
        <translation>Impossible de recharger le parcours</translation>
    </message>
    <message>
        <source>{name} was deleted or moved on disk; save to keep your journey there.</source>
        <translation>{name} a été supprimé ou déplacé sur le disque&#xa0;; enregistrez pour conserver votre parcours à cet emplacement.</translation>
    </message>
    <message>
        <source>{name} was opened anyway by {holder}; saving will ask before overwriting their changes.</source>
        <translation>{name} a quand même été ouvert par {holder}&#xa0;; l&apos;enregistrement demandera confirmation avant d&apos;écraser ses modifications.</translation>
    </message>
    <message>
        <source>read-only: made by a newer version</source>
        <translation>lecture seule&#xa0;: créé par une version plus récente</translation>
    </message>
    <message>
        <source>read-only: opened by {holder}</source>
        <translation>lecture seule&#xa0;: ouvert par {holder}</translation>
    </message>
    <message>
        <source>read-only file</source>
        <translation>fichier en lecture seule</translation>
    </message>
    <message>
        <source>read-only folder</source>
        <translation>dossier en lecture seule</translation>
    </message>
    <message>
        <source>someone</source>
        <translation>quelqu&apos;un</translation>
    </message>
    <message>
        <source>another window</source>
        <translation>une autre fenêtre</translation>
    </message>
    <message>
        <source>{user} on {host}</source>
        <translation>{user} sur {host}</translation>
    </message>
    <message>
        <source>{name} is locked by someone: its lock file {lock} cannot be read.</source>
        <translation>{name} est verrouillé par quelqu&apos;un&#xa0;: son fichier de verrou {lock} est illisible.</translation>
    </message>
    <message>
        <source>{name} is being edited by {holder} since {time}.</source>
        <translation>{name} est en cours de modification par {holder} depuis le {time}.</translation>
    </message>
    <message>
        <source>File in use</source>
        <translation>Fichier en cours d&apos;utilisation</translation>
    </message>
    <message>
        <source>Open it read-only, open a copy as a new untitled journey, or open it anyway. Open it anyway only if nobody is editing it: two people saving the same file overwrite each other&apos;s work.</source>
        <translation>Ouvrez-le en lecture seule, ouvrez-en une copie comme nouveau parcours sans titre, ou ouvrez-le quand même. Ne l&apos;ouvrez quand même que si personne ne le modifie&#xa0;: deux personnes qui enregistrent le même fichier écrasent le travail l&apos;une de l&apos;autre.</translation>
    </message>
    <message>
        <source>Open &amp;Read-Only</source>
        <translation>Ouvrir en &amp;lecture seule</translation>
    </message>
    <message>
        <source>Open a &amp;Copy</source>
        <translation>Ouvrir une &amp;copie</translation>
    </message>
    <message>
        <source>Open &amp;Anyway</source>
        <translation>Ouvrir &amp;quand même</translation>
    </message>
    <message>
        <source>File changed on disk</source>
        <translation>Fichier modifié sur le disque</translation>
    </message>
    <message>
        <source>{name} has been changed on disk by another program.</source>
        <translation>{name} a été modifié sur le disque par un autre programme.</translation>
    </message>
    <message>
        <source>Reload it (your unsaved changes will be lost), or keep yours: saving will then ask before overwriting the file on disk.</source>
        <translation>Rechargez-le (vos modifications non enregistrées seront perdues), ou gardez les vôtres&#xa0;: l&apos;enregistrement demandera alors confirmation avant d&apos;écraser le fichier sur le disque.</translation>
    </message>
    <message>
        <source>Reload it, or keep the version shown: saving will then ask before overwriting the file on disk.</source>
        <translation>Rechargez-le, ou gardez la version affichée&#xa0;: l&apos;enregistrement demandera alors confirmation avant d&apos;écraser le fichier sur le disque.</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>&amp;Recharger</translation>
    </message>
    <message>
        <source>&amp;Keep Mine</source>
        <translation>&amp;Garder la mienne</translation>
    </message>
    <message>
        <source>{name} has been changed on disk since you opened or last saved it.</source>
        <translation>{name} a été modifié sur le disque depuis que vous l&apos;avez ouvert ou enregistré pour la dernière fois.</translation>
    </message>
    <message>
        <source>Overwrite it with your version (the changes on disk will be lost), or save yours under another name?</source>
        <translation>L&apos;écraser avec votre version (les modifications sur le disque seront perdues), ou enregistrer la vôtre sous un autre nom&#xa0;?</translation>
    </message>
    <message>
        <source>&amp;Overwrite</source>
        <translation>É&amp;craser</translation>
    </message>
    <message>
        <source>Save &amp;As...</source>
        <translation>Enregistrer &amp;sous…</translation>
    </message>
    <message>
        <source>Saving over it may make them lose their work. Save anyway?</source>
        <translation>En l&apos;écrasant, vous risquez de lui faire perdre son travail. Enregistrer quand même&#xa0;?</translation>
    </message>
    <message>
        <source>&amp;Save Anyway</source>
        <translation>&amp;Enregistrer quand même</translation>
    </message>
</context>
<context>
    <name>FindingsPanel</name>
    <message>
        <source>How many findings the health check has, by severity</source>
        <extracomment>QSettings keys of the filter; values are comma-joined so &quot;nothing checked&quot; survives an INI file. The scheme of the element links in the detail pane. The element ids of the finding the user clicked. A fresh report, shown: the check ran (off the UI thread) on the journey as it is now.</extracomment>
        <translation>Nombre de constats du bilan de santé, par gravité</translation>
    </message>
    <message>
        <source>Scores</source>
        <translation>Scores</translation>
    </message>
    <message>
        <source>Condition shown</source>
        <translation>Condition affichée</translation>
    </message>
    <message>
        <source>Show only the findings about one of the three conditions</source>
        <translation>N&apos;afficher que les constats portant sur l&apos;une des trois conditions</translation>
    </message>
    <message>
        <source>All conditions</source>
        <translation>Toutes les conditions</translation>
    </message>
    <message>
        <source>Finding in full</source>
        <translation>Détail du constat</translation>
    </message>
    <message>
        <source>The current finding, what to do about it, and links to the elements it concerns</source>
        <translation>Le constat courant, ce qu&apos;il faut faire, et des liens vers les éléments concernés</translation>
    </message>
    <message>
        <source>Errors</source>
        <extracomment>Where the fixes are recorded (see :meth:`undo_stack`). The report shown, or None before the first result for this document. What the shown report was computed from: (document, index generation).</extracomment>
        <translation>Erreurs</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Avertissements</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Remarques</translation>
    </message>
    <message>
        <source>Show {severity}</source>
        <translation>Afficher les {severity}</translation>
    </message>
    <message>
        <source>Show or hide the findings of this severity</source>
        <translation>Afficher ou masquer les constats de cette gravité</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Constats</translation>
    </message>
    <message>
        <source>The journey health check; activate a finding to select the elements concerned</source>
        <translation>Le bilan de santé du parcours&#xa0;; activez un constat pour sélectionner les éléments concernés</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Constat</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>Condition</translation>
    </message>
    <message>
        <source>Checking the journey…</source>
        <translation>Vérification du parcours…</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Avertissement</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Remarque</translation>
    </message>
    <message>
        <source>({shown} shown)</source>
        <translation>({shown} affichés)</translation>
    </message>
    <message>
        <source>No findings: the health check has nothing to say about this journey.</source>
        <translation>Aucun constat&#xa0;: le bilan de santé n&apos;a rien à signaler sur ce parcours.</translation>
    </message>
    <message>
        <source>Select a finding to read it in full and see the elements it concerns.</source>
        <translation>Sélectionnez un constat pour le lire en entier et voir les éléments concernés.</translation>
    </message>
    <message>
        <source>{severity} · {condition}</source>
        <translation>{severity} · {condition}</translation>
    </message>
    <message>
        <source>Concerns (click to select):</source>
        <translation>Concerne (cliquez pour sélectionner)&#xa0;:</translation>
    </message>
    <message>
        <source>Cannot apply the fix</source>
        <translation>Impossible d&apos;appliquer la correction</translation>
    </message>
    <message>
        <source>No one-click fix for this finding</source>
        <extracomment>The narrowest a fix button gets before its text no longer shrinks (in average characters).</extracomment>
        <translation>Pas de correction en un clic pour ce constat</translation>
    </message>
    <message>
        <source>Select the elements concerned</source>
        <translation>Sélectionner les éléments concernés</translation>
    </message>
    <message>
        <source>{severity}; condition: {condition}</source>
        <translation>{severity}&#xa0;; condition&#xa0;: {condition}</translation>
    </message>
    <message>
        <source>{errors} errors, {warnings} warnings, {infos} notes</source>
        <translation>{errors} erreurs, {warnings} avertissements, {infos} remarques</translation>
    </message>
    <message>
        <source>Person {person} · Human {human} · Continuity {continuity}</source>
        <extracomment>Wrapped row sizes remembered by a delegate before it forgets them all. Beyond this many changed findings, the rows between are replaced rather than matched one by one. Findings a score&apos;s tooltip lists by name before it only counts the others. Longest sentence of a finding in a score&apos;s tooltip. The columns that wrap (all by default); the others keep their text on one line. Widths that override the columns&apos; own while a resize is measured (see :meth:`width_of`).</extracomment>
        <translation>Personne {person} · Humain {human} · Continuité {continuity}</translation>
    </message>
    <message>
        <source>… and {count} more</source>
        <translation>… et {count} autres</translation>
    </message>
</context>
<context>
    <name>FixButton</name>
    <message>
        <source>Apply a fix to this finding; it can be undone</source>
        <extracomment>A fix the user chose (an edit to perform, or elements to select).</extracomment>
        <translation>Appliquer une correction à ce constat ; elle peut être annulée</translation>
    </message>
    <message>
        <source>Fix…</source>
        <extracomment>The whole text, and the part of it shown.</extracomment>
        <translation>Corriger…</translation>
    </message>
    <message>
        <source>More fixes in the menu beside it</source>
        <translation>D&apos;autres corrections dans le menu à côté</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <source>Journey Workbench user guide</source>
        <extracomment>A section counts as being read once its heading is this close to the top (pixels). From Qt.Key_Help on, keys are a keyboard&apos;s dedicated keys (Help, Back, Undo, Open, Save...).</extracomment>
        <translation>Guide d&apos;utilisation de Journey Workbench</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>Sommaire</translation>
    </message>
    <message>
        <source>The sections of the guide; choose one to go to it</source>
        <translation>Les sections du guide&#xa0;; choisissez-en une pour y aller</translation>
    </message>
    <message>
        <source>User guide</source>
        <translation>Guide d&apos;utilisation</translation>
    </message>
</context>
<context>
    <name>ImageExport</name>
    <message>
        <source>the image would be {width} x {height} pixels; choose a smaller scale</source>
        <extracomment>Larger images than this are refused: a 1,000-step map at 2x would need gigabytes. What an SVG viewer uses if it ignores the embedded font.</extracomment>
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
        <source>Loop: goes back to an earlier step</source>
        <translation>Boucle&#xa0;: revient à une étape antérieure</translation>
    </message>
    <message>
        <source>Branch: goes forward to a later step</source>
        <translation>Embranchement&#xa0;: mène à une étape ultérieure</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Libellé</translation>
    </message>
    <message>
        <source>A short text shown on the arrow, for example the customer&apos;s choice</source>
        <translation>Un court texte affiché sur la flèche, par exemple le choix du client</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Depuis</translation>
    </message>
    <message>
        <source>The step the flow leaves</source>
        <translation>L&apos;étape d&apos;où part le lien</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Vers</translation>
    </message>
    <message>
        <source>The step the flow goes to</source>
        <translation>L&apos;étape où mène le lien</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Sens</translation>
    </message>
    <message>
        <source>Whether the link is a branch or a loop</source>
        <translation>Indique si le lien est un embranchement ou une boucle</translation>
    </message>
    <message>
        <source>Link to...</source>
        <translation>Relier à…</translation>
    </message>
    <message>
        <source>Remove link</source>
        <translation>Retirer le lien</translation>
    </message>
    <message>
        <source>Links out</source>
        <translation>Liens sortants</translation>
    </message>
    <message>
        <source>The flows from this step to other steps, for branches and loops</source>
        <translation>Les liens de cette étape vers d&apos;autres étapes, pour les embranchements et les boucles</translation>
    </message>
    <message>
        <source>Add a flow from this step to another step, chosen from a list</source>
        <translation>Ajouter un lien de cette étape vers une autre, choisie dans une liste</translation>
    </message>
    <message>
        <source>Remove the link selected in the list above</source>
        <translation>Retirer le lien sélectionné dans la liste ci-dessus</translation>
    </message>
    <message>
        <source>To &apos;{target}&apos;</source>
        <translation>Vers «&#xa0;{target}&#xa0;»</translation>
    </message>
    <message>
        <source>loop</source>
        <translation>boucle</translation>
    </message>
    <message>
        <source>branch</source>
        <translation>embranchement</translation>
    </message>
    <message>
        <source>A step cannot link to itself.</source>
        <translation>Une étape ne peut pas être reliée à elle-même.</translation>
    </message>
    <message>
        <source>&apos;{source}&apos; already links to &apos;{target}&apos;.</source>
        <translation>«&#xa0;{source}&#xa0;» est déjà reliée à «&#xa0;{target}&#xa0;».</translation>
    </message>
    <message>
        <source>Add link</source>
        <translation>Ajouter un lien</translation>
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
        <source>The name of the step, shown on the map</source>
        <translation>Le nom de l&apos;étape, affiché sur la carte</translation>
    </message>
    <message>
        <source>What happens in this step</source>
        <translation>Ce qui se passe à cette étape</translation>
    </message>
    <message>
        <source>Why the customer feels this way here</source>
        <translation>Pourquoi le client ressent cela ici</translation>
    </message>
    <message>
        <source>A moment that decides whether the customer stays or leaves</source>
        <translation>Un moment qui décide si le client reste ou s&apos;en va</translation>
    </message>
    <message>
        <source>Goal reached</source>
        <translation>But atteint</translation>
    </message>
    <message>
        <source>A milestone: the customer may stop here or go on; the health check does not call it a dead end</source>
        <translation>Une étape clé : le client peut s&apos;arrêter ici ou continuer ; le bilan de santé n&apos;y voit pas une impasse</translation>
    </message>
    <message>
        <source>End of the journey</source>
        <translation>Fin du parcours</translation>
    </message>
    <message>
        <source>Nothing follows this step in sequence: the flow stops here (draw alternatives with links)</source>
        <translation>Rien ne suit cette étape dans l&apos;ordre du temps : le parcours s&apos;arrête ici (tracez les autres chemins avec des liens)</translation>
    </message>
    <message>
        <source>Leaving the digital path here is intended, not a forced exit</source>
        <translation>Quitter le parcours numérique ici est voulu, ce n&apos;est pas une sortie forcée</translation>
    </message>
    <message>
        <source>The customer types again what they gave before: the health check flags it</source>
        <translation>Le client ressaisit ce qu&apos;il a déjà fourni&#xa0;: le bilan de santé le signale</translation>
    </message>
    <message>
        <source>The text of the card, shown on the map</source>
        <translation>Le texte de la carte, affiché sur la carte du parcours</translation>
    </message>
    <message>
        <source>Where the contact happens, for example a mobile app or a phone call</source>
        <translation>Où a lieu le contact, par exemple une application mobile ou un appel téléphonique</translation>
    </message>
    <message>
        <source>Whether a screen, a person or a place serves the customer</source>
        <translation>Ce qui sert le client&#xa0;: un écran, une personne ou un lieu</translation>
    </message>
    <message>
        <source>What makes the customer move to a person</source>
        <translation>Ce qui amène le client à se tourner vers une personne</translation>
    </message>
    <message>
        <source>The person receives what the customer already said or typed</source>
        <translation>La personne reçoit ce que le client a déjà dit ou saisi</translation>
    </message>
    <message>
        <source>How long the customer waits for the person, for example two days</source>
        <translation>Combien de temps le client attend la personne, par exemple deux jours</translation>
    </message>
    <message>
        <source>The step the customer comes back to after the handoff</source>
        <translation>L&apos;étape où le client revient après le relais</translation>
    </message>
    <message>
        <source>The name shown on the map</source>
        <translation>Le nom affiché sur la carte</translation>
    </message>
    <message>
        <source>What this stage of the journey covers</source>
        <translation>Ce que couvre cette phase du parcours</translation>
    </message>
    <message>
        <source>The name of the journey, shown on the map and in the PDF</source>
        <translation>Le nom du parcours, affiché sur la carte et dans le PDF</translation>
    </message>
    <message>
        <source>The sector the journey belongs to</source>
        <translation>Le secteur auquel appartient le parcours</translation>
    </message>
    <message>
        <source>The language the journey is written in; the PDF follows it</source>
        <translation>La langue dans laquelle le parcours est rédigé&#xa0;; le PDF la suit</translation>
    </message>
    <message>
        <source>The situation the journey follows</source>
        <translation>La situation que suit le parcours</translation>
    </message>
    <message>
        <source>The name of the customer this journey follows</source>
        <translation>Le nom du client que suit ce parcours</translation>
    </message>
    <message>
        <source>Who the persona is</source>
        <translation>Qui est le persona</translation>
    </message>
    <message>
        <source>What the persona wants to achieve, one a line</source>
        <translation>Ce que le persona veut accomplir, un objectif par ligne</translation>
    </message>
    <message>
        <source>What frustrates the persona, one a line</source>
        <translation>Ce qui frustre le persona, une frustration par ligne</translation>
    </message>
    <message>
        <source>Free notes about the journey</source>
        <translation>Notes libres sur le parcours</translation>
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
        <source>The people who wrote the journey, separated by commas</source>
        <translation>Les personnes qui ont rédigé le parcours, séparées par des virgules</translation>
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
        <source>How the customer feels at this step, from very negative to very positive</source>
        <translation>Le ressenti du client à cette étape, de très négatif à très positif</translation>
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
    <message>
        <source>Tick when this card serves the humanising intent: {intent}</source>
        <translation>Cochez si cette carte sert l&apos;intention d&apos;humanisation&#xa0;: {intent}</translation>
    </message>
</context>
<context>
    <name>JourneyView</name>
    <message>
        <source>Journey map</source>
        <extracomment>Fits go further out, so that a map of thousands of steps still fits.</extracomment>
        <translation>Carte du parcours</translation>
    </message>
    <message>
        <source>The map: arrow keys move between steps and cells, Enter adds or edits, F2 edits, Delete deletes.</source>
        <translation>La carte&#xa0;: les flèches passent d&apos;une étape ou d&apos;une case à l&apos;autre, Entrée ajoute ou modifie, F2 modifie, Suppr supprime.</translation>
    </message>
    <message>
        <source>Only .journey files can be opened by dropping them here.</source>
        <translation>Seuls les fichiers .journey peuvent être ouverts en les déposant ici.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Open {path}</source>
        <translation>Ouvrir {path}</translation>
    </message>
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
        <source>Start a new journey from the {sector} template</source>
        <translation>Commencer un nouveau parcours à partir du modèle «&#xa0;{sector}&#xa0;»</translation>
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
        <source>&amp;Versions...</source>
        <translation>&amp;Versions…</translation>
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
        <source>Fit to &amp;Width</source>
        <translation>Ajuster à la &amp;largeur</translation>
    </message>
    <message>
        <source>Fit to &amp;Height</source>
        <translation>Ajuster à la &amp;hauteur</translation>
    </message>
    <message>
        <source>&amp;Presentation Mode</source>
        <translation>Mode &amp;présentation</translation>
    </message>
    <message>
        <source>&amp;Go to the Outline</source>
        <translation>Aller au p&amp;lan</translation>
    </message>
    <message>
        <source>&amp;Compact Palette</source>
        <translation>Palette &amp;compacte</translation>
    </message>
    <message>
        <source>Projector &amp;Contrast</source>
        <translation>C&amp;ontraste pour projecteur</translation>
    </message>
    <message>
        <source>&amp;Reset Layout</source>
        <translation>&amp;Réinitialiser la disposition</translation>
    </message>
    <message>
        <source>Show the whole width of the map</source>
        <translation>Afficher toute la largeur de la carte</translation>
    </message>
    <message>
        <source>Show the whole height of the map</source>
        <translation>Afficher toute la hauteur de la carte</translation>
    </message>
    <message>
        <source>Full screen, stage by stage, for a room to read (Escape comes back)</source>
        <translation>Plein écran, phase par phase, lisible par toute la salle (Échap pour revenir)</translation>
    </message>
    <message>
        <source>Show the palette as a strip of icons</source>
        <translation>Afficher la palette en bande d&apos;icônes</translation>
    </message>
    <message>
        <source>Stronger lines and text, legible from the back of a room</source>
        <translation>Traits et textes plus marqués, lisibles du fond de la salle</translation>
    </message>
    <message>
        <source>Bring every panel back to its place</source>
        <translation>Remettre chaque panneau à sa place</translation>
    </message>
    <message>
        <source>Show the Outline and put the keyboard in it</source>
        <translation>Afficher le plan et y placer le clavier</translation>
    </message>
    <message>
        <source>&amp;PDF Deliverable...</source>
        <translation>Livrable &amp;PDF…</translation>
    </message>
    <message>
        <source>&amp;Image (PNG, SVG)...</source>
        <translation>&amp;Image (PNG, SVG)…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>&amp;User Guide</source>
        <translation>&amp;Guide d&apos;utilisation</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <source>&amp;Welcome Page</source>
        <translation>Page d&apos;&amp;accueil</translation>
    </message>
    <message>
        <source>&amp;About Journey Workbench</source>
        <translation>À &amp;propos de Journey Workbench</translation>
    </message>
    <message>
        <source>Read how to use the workbench, in the application</source>
        <translation>Lire le mode d&apos;emploi de l&apos;atelier, dans l&apos;application</translation>
    </message>
    <message>
        <source>List every keyboard shortcut</source>
        <translation>Lister tous les raccourcis clavier</translation>
    </message>
    <message>
        <source>Start from a template, a file, an example or a recent journey</source>
        <translation>Partir d&apos;un modèle, d&apos;un fichier, d&apos;un exemple ou d&apos;un parcours récent</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Principale</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Barre d&apos;outils principale</translation>
    </message>
    <message>
        <source>File, undo and zoom commands</source>
        <translation>Commandes de fichier, d&apos;annulation et de zoom</translation>
    </message>
    <message>
        <source>Start a new journey, blank or from a sector template</source>
        <translation>Commencer un nouveau parcours, vierge ou à partir du modèle d&apos;un secteur</translation>
    </message>
    <message>
        <source>Start a new journey from a sector template</source>
        <translation>Commencer un nouveau parcours à partir du modèle d&apos;un secteur</translation>
    </message>
    <message>
        <source>Open a journey file</source>
        <translation>Ouvrir un fichier de parcours</translation>
    </message>
    <message>
        <source>Save the journey</source>
        <translation>Enregistrer le parcours</translation>
    </message>
    <message>
        <source>Save the journey in another file</source>
        <translation>Enregistrer le parcours dans un autre fichier</translation>
    </message>
    <message>
        <source>Close the journey</source>
        <translation>Fermer le parcours</translation>
    </message>
    <message>
        <source>Open one of the last saved versions of this file as a copy</source>
        <translation>Ouvrir en copie l&apos;une des dernières versions enregistrées de ce fichier</translation>
    </message>
    <message>
        <source>Export the journey map as a PDF document</source>
        <translation>Exporter la carte du parcours en document PDF</translation>
    </message>
    <message>
        <source>Export the journey map as an image</source>
        <translation>Exporter la carte du parcours en image</translation>
    </message>
    <message>
        <source>Quit Journey Workbench</source>
        <translation>Quitter Journey Workbench</translation>
    </message>
    <message>
        <source>Undo the last change</source>
        <translation>Annuler la dernière modification</translation>
    </message>
    <message>
        <source>Redo the last change undone</source>
        <translation>Rétablir la dernière modification annulée</translation>
    </message>
    <message>
        <source>Move the selection to the clipboard</source>
        <translation>Déplacer la sélection dans le presse-papiers</translation>
    </message>
    <message>
        <source>Copy the selection to the clipboard</source>
        <translation>Copier la sélection dans le presse-papiers</translation>
    </message>
    <message>
        <source>Paste the clipboard into the journey</source>
        <translation>Coller le contenu du presse-papiers dans le parcours</translation>
    </message>
    <message>
        <source>Delete the selection</source>
        <translation>Supprimer la sélection</translation>
    </message>
    <message>
        <source>Select every step and card</source>
        <translation>Sélectionner toutes les étapes et cartes</translation>
    </message>
    <message>
        <source>Edit the text of the selected element on the map</source>
        <translation>Modifier le texte de l&apos;élément sélectionné sur la carte</translation>
    </message>
    <message>
        <source>Show the map larger</source>
        <translation>Agrandir la carte</translation>
    </message>
    <message>
        <source>Show the map smaller</source>
        <translation>Réduire la carte</translation>
    </message>
    <message>
        <source>Show the map at its actual size</source>
        <translation>Afficher la carte à sa taille réelle</translation>
    </message>
    <message>
        <source>Show the whole map in the window</source>
        <translation>Afficher toute la carte dans la fenêtre</translation>
    </message>
    <message>
        <source>Version and purpose of Journey Workbench</source>
        <translation>Version et objet de Journey Workbench</translation>
    </message>
    <message>
        <source>Open a journey used recently</source>
        <translation>Ouvrir un parcours utilisé récemment</translation>
    </message>
    <message>
        <source>Show or hide the {panel} panel</source>
        <translation>Afficher ou masquer le panneau «&#xa0;{panel}&#xa0;»</translation>
    </message>
    <message>
        <source>{tip} ({keys})</source>
        <translation>{tip} ({keys})</translation>
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
        <extracomment>Once, on the turn of the event loop after the canvas was first painted (windows made with ``defer``). A document is shown (the first, or one opened, created or recovered): panels that follow it attach here. What waits for the first paint, by name (a later request replaces an earlier one); None once painted.</extracomment>
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
        <source>Outline</source>
        <translation>Plan</translation>
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
        <source>Mermaid journey diagrams (*.mmd *.mermaid)</source>
        <extracomment>The extension written for each format, and its file dialog filter (translated where shown).</extracomment>
        <translation>Diagrammes de parcours Mermaid (*.mmd *.mermaid)</translation>
    </message>
    <message>
        <source>CSV sheets (*.csv)</source>
        <translation>Feuilles CSV (*.csv)</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <extracomment>Warnings listed in the message after an import; the rest are counted.</extracomment>
        <translation>&amp;Importer</translation>
    </message>
    <message>
        <source>&amp;Mermaid Journey Diagram...</source>
        <translation>Diagramme de parcours &amp;Mermaid…</translation>
    </message>
    <message>
        <source>&amp;CSV Sheet...</source>
        <translation>Feuille &amp;CSV…</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>E&amp;xporter</translation>
    </message>
    <message>
        <source>Open a journey from another format as a new journey</source>
        <translation>Ouvrir un parcours d&apos;un autre format comme nouveau parcours</translation>
    </message>
    <message>
        <source>Write the journey as a PDF, an image, a diagram or a sheet</source>
        <translation>Écrire le parcours en PDF, en image, en diagramme ou en feuille</translation>
    </message>
    <message>
        <source>Open a Mermaid journey diagram as a new journey</source>
        <translation>Ouvrir un diagramme de parcours Mermaid comme nouveau parcours</translation>
    </message>
    <message>
        <source>Open a sheet of steps and cards (CSV) as a new journey</source>
        <translation>Ouvrir une feuille d&apos;étapes et de cartes (CSV) comme nouveau parcours</translation>
    </message>
    <message>
        <source>Write the journey as a Mermaid journey diagram (.mmd)</source>
        <translation>Écrire le parcours en diagramme de parcours Mermaid (.mmd)</translation>
    </message>
    <message>
        <source>Write the journey&apos;s steps and cards as a sheet (.csv)</source>
        <translation>Écrire les étapes et les cartes du parcours dans une feuille (.csv)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Import journey</source>
        <translation>Importer un parcours</translation>
    </message>
    <message>
        <source>Cannot import journey</source>
        <translation>Impossible d&apos;importer le parcours</translation>
    </message>
    <message>
        <source>Imported {path}; save it to keep it as a journey</source>
        <translation>{path} importé ; enregistrez-le pour le garder comme parcours</translation>
    </message>
    <message>
        <source>{path} was imported; some lines were skipped or changed:</source>
        <translation>{path} a été importé ; certaines lignes ont été ignorées ou modifiées :</translation>
    </message>
    <message>
        <source>… and {count} more</source>
        <translation>… et {count} de plus</translation>
    </message>
    <message>
        <source>Imported with warnings</source>
        <translation>Importé avec des avertissements</translation>
    </message>
    <message>
        <source>Export journey</source>
        <translation>Exporter le parcours</translation>
    </message>
    <message>
        <source>Cannot export journey</source>
        <translation>Impossible d&apos;exporter le parcours</translation>
    </message>
    <message>
        <source>{path} was not written: {reason}</source>
        <translation>{path} n&apos;a pas été écrit : {reason}</translation>
    </message>
    <message>
        <source>Exported {path}</source>
        <translation>{path} exporté</translation>
    </message>
    <message>
        <source>Only .journey files can be opened by dropping them here.</source>
        <translation>Seuls les fichiers .journey peuvent être ouverts en les déposant ici.</translation>
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
    <name>Outline</name>
    <message>
        <source>Text</source>
        <extracomment>Past this many rows touched at once (a template pasted, a big undo), making the tree again is quicker.</extracomment>
        <translation>Texte</translation>
    </message>
    <message>
        <source>Journey outline</source>
        <translation>Plan du parcours</translation>
    </message>
    <message>
        <source>Stages, steps, cards, handoffs and links in journey order. Insert adds after the current row, Alt+Insert adds inside it, F2 or Enter edits its text, Delete deletes it, Alt+Up and Alt+Down move it, Alt+Left and Alt+Right move a card to the previous or next step, Alt+Shift+Up and Alt+Shift+Down to another lane.</source>
        <translation>Phases, étapes, cartes, relais et liens dans l&apos;ordre du parcours. Inser ajoute après l&apos;élément courant, Alt+Inser ajoute à l&apos;intérieur, F2 ou Entrée modifie son texte, Suppr le supprime, Alt+Haut et Alt+Bas le déplacent, Alt+Gauche et Alt+Droite déplacent une carte vers l&apos;étape précédente ou suivante, Alt+Maj+Haut et Alt+Maj+Bas vers une autre ligne.</translation>
    </message>
    <message>
        <source>New stage</source>
        <extracomment>The field F2 edits, by kind of row; a handoff has no text of its own.</extracomment>
        <translation>Nouvelle phase</translation>
    </message>
    <message>
        <source>Add stage</source>
        <translation>Ajouter une phase</translation>
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
        <source>Add card</source>
        <translation>Ajouter une carte</translation>
    </message>
    <message>
        <source>Insert adds a stage, a step or a card after the current one.</source>
        <translation>Inser ajoute une phase, une étape ou une carte après l&apos;élément courant.</translation>
    </message>
    <message>
        <source>Alt+Insert adds a step in a stage or a card in a step.</source>
        <translation>Alt+Inser ajoute une étape dans une phase ou une carte dans une étape.</translation>
    </message>
    <message>
        <source>New card</source>
        <translation>Nouvelle carte</translation>
    </message>
    <message>
        <source>Edit text</source>
        <translation>Modifier le texte</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>It cannot move further that way.</source>
        <translation>Impossible d&apos;aller plus loin dans ce sens.</translation>
    </message>
    <message>
        <source>Move stage</source>
        <translation>Déplacer la phase</translation>
    </message>
    <message>
        <source>Move step</source>
        <translation>Déplacer l&apos;étape</translation>
    </message>
    <message>
        <source>Move card</source>
        <translation>Déplacer la carte</translation>
    </message>
    <message>
        <source>There is no cell further in that direction for this card.</source>
        <translation>Il n&apos;y a plus de case dans cette direction pour cette carte.</translation>
    </message>
    <message>
        <source>digital</source>
        <translation>numérique</translation>
    </message>
    <message>
        <source>human</source>
        <translation>humain</translation>
    </message>
    <message>
        <source>physical</source>
        <translation>physique</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
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
        <source>Stage {number} of {total}: {title}</source>
        <translation>Phase {number} sur {total}&#xa0;: {title}</translation>
    </message>
    <message>
        <source>1 step</source>
        <translation>1 étape</translation>
    </message>
    <message>
        <source>{count} steps</source>
        <translation>{count} étapes</translation>
    </message>
    <message>
        <source>Step {number} of {total}: {title}</source>
        <translation>Étape {number} sur {total}&#xa0;: {title}</translation>
    </message>
    <message>
        <source>emotion {level}</source>
        <translation>émotion {level}</translation>
    </message>
    <message>
        <source>moment of truth</source>
        <translation>moment de vérité</translation>
    </message>
    <message>
        <source>goal</source>
        <translation>but</translation>
    </message>
    <message>
        <source>end of the journey</source>
        <translation>fin du parcours</translation>
    </message>
    <message>
        <source>touchpoints: {list}</source>
        <translation>points de contact&#xa0;: {list}</translation>
    </message>
    <message>
        <source>no text</source>
        <translation>sans texte</translation>
    </message>
    <message>
        <source>{kind}: {text}</source>
        <translation>{kind}&#xa0;: {text}</translation>
    </message>
    <message>
        <source>channel {channel}</source>
        <translation>canal {channel}</translation>
    </message>
    <message>
        <source>Handoff from {source} to {target}</source>
        <translation>Relais de {source} vers {target}</translation>
    </message>
    <message>
        <source>context carried over</source>
        <translation>contexte transmis</translation>
    </message>
    <message>
        <source>context lost</source>
        <translation>contexte perdu</translation>
    </message>
    <message>
        <source>Link to step {title}: {label}</source>
        <translation>Lien vers l&apos;étape {title}&#xa0;: {label}</translation>
    </message>
    <message>
        <source>Link to step {title}</source>
        <translation>Lien vers l&apos;étape {title}</translation>
    </message>
</context>
<context>
    <name>Palette</name>
    <message>
        <source>Palette</source>
        <extracomment>The palette as an icon strip (View &gt; Compact Palette). Enter or Space on an item: its payload, to add at the selection.</extracomment>
        <translation>Palette</translation>
    </message>
    <message>
        <source>Elements to add to the map: drag one onto the map, or press Enter to add it at the selection.</source>
        <translation>Éléments à ajouter à la carte&#xa0;: faites-en glisser un sur la carte, ou appuyez sur Entrée pour l&apos;ajouter à l&apos;endroit sélectionné.</translation>
    </message>
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
        <source>Drag onto the map, or press Enter to add it at the selection</source>
        <translation>Faites glisser sur la carte, ou appuyez sur Entrée pour l&apos;ajouter à l&apos;endroit sélectionné</translation>
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
        <source>Readable: one page if the text stays 6 pt or more, otherwise several</source>
        <translation>Lisible : une seule page si le texte reste à 6 pt ou plus, sinon plusieurs</translation>
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
        <source>Persona</source>
        <translation>Persona</translation>
    </message>
    <message>
        <source>Details of each stage</source>
        <translation>Détail de chaque phase</translation>
    </message>
    <message>
        <source>Scenario and notes</source>
        <translation>Scénario et notes</translation>
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
        <source>PNG image with title and legend (*.png)</source>
        <translation>Image PNG avec titre et légende (*.png)</translation>
    </message>
    <message>
        <source>PNG image, map only (*.png)</source>
        <translation>Image PNG, carte seule (*.png)</translation>
    </message>
    <message>
        <source>SVG drawing with title and legend (*.svg)</source>
        <translation>Dessin SVG avec titre et légende (*.svg)</translation>
    </message>
    <message>
        <source>SVG drawing, map only (*.svg)</source>
        <translation>Dessin SVG, carte seule (*.svg)</translation>
    </message>
    <message>
        <source>Replace file?</source>
        <translation>Remplacer le fichier&#xa0;?</translation>
    </message>
    <message>
        <source>{path} already exists.
Do you want to replace it?</source>
        <translation>{path} existe déjà.
Voulez-vous le remplacer&#xa0;?</translation>
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
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <source>Recover unsaved work</source>
        <extracomment>Windows opened here (restored copies, versions), kept alive until closed.</extracomment>
        <translation>Récupérer le travail non enregistré</translation>
    </message>
    <message>
        <source>Journey Workbench stopped before these journeys were saved. Restore one to go on where you were, save it as a file, or discard it. Decide Later keeps them for the next start.</source>
        <translation>Journey Workbench s&apos;est arrêté avant que ces parcours soient enregistrés. Restaurez-en un pour reprendre là où vous en étiez, enregistrez-le dans un fichier, ou abandonnez-le. «&#xa0;Décider plus tard&#xa0;» les garde pour le prochain démarrage.</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>Fenêtre</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <source>Last copy</source>
        <translation>Dernière copie</translation>
    </message>
    <message>
        <source>Compared with the file</source>
        <translation>Par rapport au fichier</translation>
    </message>
    <message>
        <source>Unsaved journeys</source>
        <translation>Parcours non enregistrés</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>Sans titre</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Restaurer</translation>
    </message>
    <message>
        <source>Open this journey in a window, unsaved, on its original file</source>
        <translation>Ouvrir ce parcours dans une fenêtre, non enregistré, sur son fichier d&apos;origine</translation>
    </message>
    <message>
        <source>&amp;Save As...</source>
        <translation>Enregistrer &amp;sous…</translation>
    </message>
    <message>
        <source>Write this journey to a file of your choice</source>
        <translation>Écrire ce parcours dans le fichier de votre choix</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>&amp;Abandonner</translation>
    </message>
    <message>
        <source>Delete this copy: its changes are lost</source>
        <translation>Supprimer cette copie&#xa0;: ses modifications sont perdues</translation>
    </message>
    <message>
        <source>Decide &amp;Later</source>
        <translation>Décider &amp;plus tard</translation>
    </message>
    <message>
        <source>Keep the remaining copies and offer them again at the next start</source>
        <translation>Garder les copies restantes et les proposer de nouveau au prochain démarrage</translation>
    </message>
    <message>
        <source>Cannot recover journey</source>
        <translation>Impossible de récupérer le parcours</translation>
    </message>
    <message>
        <source>Recovered journey</source>
        <translation>Parcours récupéré</translation>
    </message>
    <message>
        <source>Save recovered journey</source>
        <translation>Enregistrer le parcours récupéré</translation>
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
        <source>{path} was not saved: {reason}</source>
        <translation>{path} n&apos;a pas été enregistré&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Discard unsaved work</source>
        <translation>Abandonner le travail non enregistré</translation>
    </message>
    <message>
        <source>Discard the unsaved changes to {name}? They cannot be recovered afterwards.</source>
        <translation>Abandonner les modifications non enregistrées de {name}&#xa0;? Elles ne pourront plus être récupérées.</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Other</source>
        <translation>Autres</translation>
    </message>
    <message>
        <source>Go between step headers, cards and empty cells</source>
        <translation>Se déplacer entre en-têtes d&apos;étape, cartes et cases vides</translation>
    </message>
    <message>
        <source>Arrow keys</source>
        <translation>Touches fléchées</translation>
    </message>
    <message>
        <source>Move the selected card to the next cell</source>
        <translation>Déplacer la carte sélectionnée vers la case voisine</translation>
    </message>
    <message>
        <source>Ctrl + arrow keys</source>
        <translation>Ctrl + touches fléchées</translation>
    </message>
    <message>
        <source>Move the selected step</source>
        <translation>Déplacer l&apos;étape sélectionnée</translation>
    </message>
    <message>
        <source>Next or previous step; in a touchpoint&apos;s text, go on to its channel</source>
        <translation>Étape suivante ou précédente&#xa0;; dans le texte d&apos;un point de contact, passer à son canal</translation>
    </message>
    <message>
        <source>On a step: add the next step; on an empty cell: add a card of its lane</source>
        <translation>Sur une étape&#xa0;: ajouter l&apos;étape suivante&#xa0;; sur une case vide&#xa0;: ajouter une carte du type de sa ligne</translation>
    </message>
    <message>
        <source>Edit the text of the selection (double-click does too)</source>
        <translation>Modifier le texte de la sélection (un double-clic aussi)</translation>
    </message>
    <message>
        <source>Break the line while editing a text</source>
        <translation>Aller à la ligne pendant la saisie d&apos;un texte</translation>
    </message>
    <message>
        <source>Cancel a drag, a link or handoff being drawn, or an edit</source>
        <translation>Annuler un glisser, un lien ou un relais en cours de tracé, ou une modification</translation>
    </message>
    <message>
        <source>Pan the map (or drag with the middle button)</source>
        <translation>Faire défiler la carte (ou glisser avec le bouton du milieu)</translation>
    </message>
    <message>
        <source>Space + drag</source>
        <translation>Espace + glisser</translation>
    </message>
    <message>
        <source>Zoom in or out</source>
        <translation>Zoomer ou dézoomer</translation>
    </message>
    <message>
        <source>Ctrl + wheel</source>
        <translation>Ctrl + molette</translation>
    </message>
    <message>
        <source>Scroll sideways</source>
        <translation>Défiler horizontalement</translation>
    </message>
    <message>
        <source>Shift + wheel</source>
        <translation>Maj + molette</translation>
    </message>
    <message>
        <source>On a palette item: add it where the selection is</source>
        <translation>Sur un élément de la palette&#xa0;: l&apos;ajouter à l&apos;endroit sélectionné</translation>
    </message>
    <message>
        <source>Add after the current row</source>
        <translation>Ajouter après l&apos;élément courant</translation>
    </message>
    <message>
        <source>Add inside the current row</source>
        <translation>Ajouter à l&apos;intérieur de l&apos;élément courant</translation>
    </message>
    <message>
        <source>Edit the current row&apos;s text</source>
        <translation>Modifier le texte de l&apos;élément courant</translation>
    </message>
    <message>
        <source>Delete the current row&apos;s element</source>
        <translation>Supprimer l&apos;élément courant</translation>
    </message>
    <message>
        <source>Move it up or down</source>
        <translation>Le monter ou le descendre</translation>
    </message>
    <message>
        <source>Move a card to the previous or next step</source>
        <translation>Déplacer une carte vers l&apos;étape précédente ou suivante</translation>
    </message>
    <message>
        <source>Move a card to another lane</source>
        <translation>Déplacer une carte vers une autre ligne</translation>
    </message>
    <message>
        <source>On the map</source>
        <translation>Sur la carte</translation>
    </message>
    <message>
        <source>In the Outline</source>
        <translation>Dans le plan</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Each command or gesture and its keys, grouped by menu</source>
        <translation>Chaque commande ou geste et ses touches, regroupés par menu</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Commande</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Touches</translation>
    </message>
    <message>
        <source>{name}: {keys}</source>
        <translation>{name}&#xa0;: {keys}</translation>
    </message>
</context>
<context>
    <name>StepPicker</name>
    <message>
        <source>Link to a step</source>
        <translation>Relier à une étape</translation>
    </message>
    <message>
        <source>Type part of a step title</source>
        <translation>Tapez une partie du titre d&apos;une étape</translation>
    </message>
    <message>
        <source>Filter steps</source>
        <translation>Filtrer les étapes</translation>
    </message>
    <message>
        <source>Shows only the steps whose title contains this text</source>
        <translation>N&apos;affiche que les étapes dont le titre contient ce texte</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Étapes</translation>
    </message>
    <message>
        <source>The steps this step can link to</source>
        <translation>Les étapes auxquelles cette étape peut être reliée</translation>
    </message>
    <message>
        <source>{title} (already linked)</source>
        <translation>{title} (déjà reliée)</translation>
    </message>
    <message>
        <source>No step matches.</source>
        <translation>Aucune étape ne correspond.</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Relier</translation>
    </message>
</context>
<context>
    <name>VersionsDialog</name>
    <message>
        <source>Versions</source>
        <translation>Versions</translation>
    </message>
    <message>
        <source>This journey has not been saved yet, so it has no versions.</source>
        <translation>Ce parcours n&apos;a pas encore été enregistré&#xa0;: il n&apos;a donc pas de versions.</translation>
    </message>
    <message>
        <source>No version of {name} is kept yet: one is kept each time you save it.</source>
        <translation>Aucune version de {name} n&apos;est encore conservée&#xa0;: une version est conservée à chaque enregistrement.</translation>
    </message>
    <message>
        <source>The last versions of {name} you saved. Opening one gives a new untitled journey; the open one stays as it is.</source>
        <translation>Les dernières versions enregistrées de {name}. En ouvrir une crée un nouveau parcours sans titre&#xa0;; le parcours ouvert reste tel quel.</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Enregistrée</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Étapes</translation>
    </message>
    <message>
        <source>Saved versions</source>
        <translation>Versions enregistrées</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>illisible</translation>
    </message>
    <message>
        <source>&amp;Open as Copy</source>
        <translation>&amp;Ouvrir une copie</translation>
    </message>
    <message>
        <source>Open this version as a new untitled journey in another window</source>
        <translation>Ouvrir cette version comme nouveau parcours sans titre dans une autre fenêtre</translation>
    </message>
    <message>
        <source>Cannot open journey</source>
        <translation>Impossible d&apos;ouvrir le parcours</translation>
    </message>
    <message>
        <source>Version of {time}, opened as a new journey</source>
        <translation>Version du {time}, ouverte comme nouveau parcours</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <source>Welcome to Journey Workbench</source>
        <extracomment>What to do once the dialog has closed; None when it was just closed.</extracomment>
        <translation>Bienvenue dans Journey Workbench</translation>
    </message>
    <message>
        <source>Map a customer journey: its stages and steps, touchpoints, emotions, and the moments a person must take over. Start from a template, a blank map or an example.</source>
        <translation>Cartographiez un parcours client&#xa0;: ses phases et ses étapes, ses points de contact, ses émotions, et les moments où une personne doit prendre le relais. Partez d&apos;un modèle, d&apos;une carte vierge ou d&apos;un exemple.</translation>
    </message>
    <message>
        <source>Show this page at start-up</source>
        <translation>Afficher cette page au démarrage</translation>
    </message>
    <message>
        <source>User guide</source>
        <translation>Guide d&apos;utilisation</translation>
    </message>
    <message>
        <source>How to use the workbench (F1)</source>
        <translation>Comment utiliser l&apos;atelier (F1)</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Commencer</translation>
    </message>
    <message>
        <source>Blank map</source>
        <translation>Carte vierge</translation>
    </message>
    <message>
        <source>The standard lanes and four stages, ready to fill</source>
        <translation>Les lignes habituelles et quatre phases, prêtes à remplir</translation>
    </message>
    <message>
        <source>Choose with a preview...</source>
        <translation>Choisir avec un aperçu…</translation>
    </message>
    <message>
        <source>See each template and choose its language</source>
        <translation>Voir chaque modèle et choisir sa langue</translation>
    </message>
    <message>
        <source>Open a journey file...</source>
        <translation>Ouvrir un fichier de parcours…</translation>
    </message>
    <message>
        <source>Open a .journey file</source>
        <translation>Ouvrir un fichier .journey</translation>
    </message>
    <message>
        <source>From a sector template:</source>
        <translation>À partir du modèle d&apos;un secteur&#xa0;:</translation>
    </message>
    <message>
        <source>Recent journeys</source>
        <translation>Parcours récents</translation>
    </message>
    <message>
        <source>{name} (not found)
{folder}</source>
        <translation>{name} (introuvable)
{folder}</translation>
    </message>
    <message>
        <source>Examples</source>
        <translation>Exemples</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>Modèles</translation>
    </message>
    <message>
        <source>{title} (counter-example)</source>
        <translation>{title} (contre-exemple)</translation>
    </message>
    <message>
        <source>A journey built on known failures: see what the health check finds</source>
        <translation>Un parcours construit sur des défaillances connues&#xa0;: voyez ce que trouve le bilan de santé</translation>
    </message>
    <message>
        <source>Double-click or press Enter to open</source>
        <translation>Double-cliquez ou appuyez sur Entrée pour ouvrir</translation>
    </message>
    <message>
        <source>Opened a copy of the example {name}; saving asks where to keep it.</source>
        <translation>Copie de l&apos;exemple {name} ouverte&#xa0;; l&apos;enregistrement vous demandera où la conserver.</translation>
    </message>
</context>
</TS>
