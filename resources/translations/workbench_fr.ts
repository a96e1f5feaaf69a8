<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="28"/>
        <source>Stage / step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="28"/>
        <source>Emotion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="34"/>
        <source>Open a journey with File &gt; Open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="37"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="38"/>
        <source>&amp;Open...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="43"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="47"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="48"/>
        <source>&amp;About Journey Workbench</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="53"/>
        <source>Untitled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="54"/>
        <source> (read-only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="55"/>
        <source>{name}{suffix} - Journey Workbench</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="59"/>
        <source>Open journey</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="59"/>
        <source>Journey files (*.journey);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="69"/>
        <source>Cannot open journey</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="79"/>
        <source>{steps} steps in {stages} stages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="99"/>
        <source>About Journey Workbench</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="100"/>
        <source>Journey Workbench {version}
Design customer journey maps.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
