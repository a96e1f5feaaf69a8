<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>MainWindow</name>
    <message>
        <source>Stage / step</source>
        <translation>Phase / étape</translation>
    </message>
    <message>
        <source>Emotion</source>
        <translation>Émotion</translation>
    </message>
    <message>
        <source>Open a journey with File &gt; Open.</source>
        <translation>Ouvrez un parcours avec Fichier &gt; Ouvrir.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Open...</source>
        <translation>&amp;Ouvrir…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
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
        <source>Untitled</source>
        <translation>Sans titre</translation>
    </message>
    <message>
        <source> (read-only)</source>
        <translation> (lecture seule)</translation>
    </message>
    <message>
        <source>{name}{suffix} - Journey Workbench</source>
        <translation>{name}{suffix} - Journey Workbench</translation>
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
        <source>{steps} steps in {stages} stages</source>
        <translation>{steps} étapes dans {stages} phases</translation>
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
</TS>
