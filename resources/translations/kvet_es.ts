<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About kvet</source>
        <translation>Acerca de kvet</translation>
    </message>
    <message>
        <source>kvet</source>
        <translation>kvet</translation>
    </message>
    <message>
        <source>kvet helps you vet and compare ketamine and esketamine clinics. Everything stays on your computer. kvet never connects to the internet.</source>
        <translation>kvet le ayuda a revisar y comparar clínicas de ketamina y esketamina. Todo se queda en su computadora. kvet nunca se conecta a internet.</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Versión</translation>
    </message>
    <message>
        <source>Disclaimer</source>
        <translation>Aviso</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Idiomas</translation>
    </message>
    <message>
        <source>Languages and corrections</source>
        <translation>Idiomas y correcciones</translation>
    </message>
    <message>
        <source>Based on</source>
        <translation>Basado en</translation>
    </message>
    <message>
        <source>&amp;Sources the checklist cites:</source>
        <translation>&amp;Fuentes que cita la lista de preguntas:</translation>
    </message>
    <message>
        <source>The article and references the checklist is based on: title, citation and web address of each.</source>
        <translation>El artículo y las referencias en que se basa la lista de preguntas: el título, la cita y la dirección web de cada uno.</translation>
    </message>
    <message>
        <source>kvet version {kvet} · checklist version {checklist}</source>
        <translation>kvet versión {kvet} · lista de preguntas versión {checklist}</translation>
    </message>
    <message>
        <source>kvet can be used in: {languages}. The translations have not yet been checked by a native speaker. If a word or a sentence reads wrong or is hard to follow, please tell the people who make kvet. Corrections are welcome.</source>
        <translation>kvet se puede usar en: {languages}. Las traducciones aún no las ha revisado un hablante nativo. Si una palabra o una frase está mal o se entiende poco, por favor dígaselo a quienes hacen kvet. Las correcciones son bienvenidas.</translation>
    </message>
    <message>
        <source>The checklist, “{title}”, is based on the article “{article}” and the references below.</source>
        <translation>La lista de preguntas, “{title}”, se basa en el artículo “{article}” y en las referencias de abajo.</translation>
    </message>
    <message>
        <source>The checklist, “{title}”, is based on the references below.</source>
        <translation>La lista de preguntas, “{title}”, se basa en las referencias de abajo.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Close this window.</source>
        <translation>Cerrar esta ventana.</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <source>&amp;Need help now?</source>
        <translation>¿&amp;Necesita ayuda ahora?</translation>
    </message>
    <message>
        <source>Crisis lines you can call or text now</source>
        <translation>Líneas de crisis a las que puede llamar o escribir ahora</translation>
    </message>
    <message>
        <source>New &amp;clinic…</source>
        <translation>Nueva &amp;clínica…</translation>
    </message>
    <message>
        <source>Add a clinic</source>
        <translation>Agregar una clínica</translation>
    </message>
    <message>
        <source>New co&amp;mparison…</source>
        <translation>Nueva co&amp;mparación…</translation>
    </message>
    <message>
        <source>Start another set of clinics</source>
        <translation>Empezar otro grupo de clínicas</translation>
    </message>
    <message>
        <source>&amp;Delete comparison</source>
        <translation>&amp;Borrar la comparación</translation>
    </message>
    <message>
        <source>&amp;Share with family (.kvet file)…</source>
        <translation>Compartir con la &amp;familia (archivo .kvet)…</translation>
    </message>
    <message>
        <source>Save one file with this comparison that family can open in their kvet</source>
        <translation>Guardar un archivo con esta comparación que la familia puede abrir en su kvet</translation>
    </message>
    <message>
        <source>&amp;Import a comparison…</source>
        <translation>&amp;Importar una comparación…</translation>
    </message>
    <message>
        <source>Open a .kvet file from family or from another computer</source>
        <translation>Abrir un archivo .kvet de la familia o de otra computadora</translation>
    </message>
    <message>
        <source>Save &amp;report as PDF…</source>
        <translation>Guardar el inf&amp;orme en PDF…</translation>
    </message>
    <message>
        <source>A report of this comparison to take to a consultation</source>
        <translation>Un informe de esta comparación para llevar a una consulta</translation>
    </message>
    <message>
        <source>&amp;Print report…</source>
        <translation>Im&amp;primir el informe…</translation>
    </message>
    <message>
        <source>The questions for one clinic, with boxes to tick during the call</source>
        <translation>Las preguntas para una clínica, con casillas para marcar durante la llamada</translation>
    </message>
    <message>
        <source>Save table for a spreads&amp;heet (CSV)…</source>
        <translation>Guardar la tabla para una hoja de cá&amp;lculo (CSV)…</translation>
    </message>
    <message>
        <source>Re&amp;name comparison…</source>
        <translation>Cambiar el nombre de la comparació&amp;n…</translation>
    </message>
    <message>
        <source>Open the samp&amp;le comparison</source>
        <translation>Abrir la comparación de &amp;ejemplo</translation>
    </message>
    <message>
        <source>Save call shee&amp;t as PDF…</source>
        <translation>Guardar la &amp;hoja para la llamada en PDF…</translation>
    </message>
    <message>
        <source>Save questions for your o&amp;wn psychiatrist as PDF…</source>
        <translation>Guardar preguntas para su psi&amp;quiatra en PDF…</translation>
    </message>
    <message>
        <source>Questions to take to your own psychiatrist or doctor, apart from the clinics</source>
        <translation>Preguntas para llevar a su propio psiquiatra o médico, aparte de las clínicas</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Deshacer</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rehacer</translation>
    </message>
    <message>
        <source>&amp;Edit clinic…</source>
        <translation>&amp;Editar la clínica…</translation>
    </message>
    <message>
        <source>Re&amp;move clinic</source>
        <translation>&amp;Quitar la clínica</translation>
    </message>
    <message>
        <source>Rename &amp;person…</source>
        <translation>Cambiar el nombre de la &amp;persona…</translation>
    </message>
    <message>
        <source>Change the name of the person whose answers are recorded</source>
        <translation>Cambiar el nombre de la persona cuyas respuestas se guardan</translation>
    </message>
    <message>
        <source>Your &amp;country…</source>
        <translation>&amp;Su país…</translation>
    </message>
    <message>
        <source>Choose the country whose rules the checklist asks about</source>
        <translation>Elegir el país cuyas reglas revisa la lista de preguntas</translation>
    </message>
    <message>
        <source>&amp;Language…</source>
        <translation>Id&amp;ioma…</translation>
    </message>
    <message>
        <source>Choose the language kvet uses, from the next start</source>
        <translation>Elegir el idioma de kvet, desde la próxima vez que se abra</translation>
    </message>
    <message>
        <source>&amp;Walk through the checklist</source>
        <translation>&amp;Repasar la lista de preguntas</translation>
    </message>
    <message>
        <source>&amp;Call mode…</source>
        <translation>Modo de &amp;llamada…</translation>
    </message>
    <message>
        <source>&amp;Things to tell the clinic (private)…</source>
        <translation>&amp;Cosas que decirle a la clínica (privado)…</translation>
    </message>
    <message>
        <source>&amp;My treatment (after choosing a clinic)…</source>
        <translation>&amp;Mi tratamiento (después de elegir una clínica)…</translation>
    </message>
    <message>
        <source>&amp;Overview</source>
        <translation>Re&amp;sumen</translation>
    </message>
    <message>
        <source>&amp;Walk through</source>
        <translation>&amp;Repasar</translation>
    </message>
    <message>
        <source>Com&amp;pare</source>
        <translation>Com&amp;parar</translation>
    </message>
    <message>
        <source>What &amp;matters to you</source>
        <translation>Lo que le &amp;importa</translation>
    </message>
    <message>
        <source>&amp;Together</source>
        <translation>&amp;Juntos</translation>
    </message>
    <message>
        <source>&amp;About kvet</source>
        <translation>&amp;Acerca de kvet</translation>
    </message>
    <message>
        <source>About this &amp;guide</source>
        <translation>Acerca de esta &amp;guía</translation>
    </message>
    <message>
        <source>&amp;Before you decide</source>
        <translation>Antes de &amp;decidir</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <source>&amp;Clinic</source>
        <translation>&amp;Clínica</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>The newest good backup is {backup}.</source>
        <translation>La copia de seguridad buena más reciente es {backup}.</translation>
    </message>
    <message>
        <source> Restoring it keeps your current file in the backups folder.</source>
        <translation> Al restaurarla, su archivo actual se guarda en la carpeta de copias de seguridad.</translation>
    </message>
    <message>
        <source>Restore the newest backup</source>
        <translation>Restaurar la copia más reciente</translation>
    </message>
    <message>
        <source>That did not work: {problem}. Your file has not been changed.</source>
        <translation>No se pudo hacer: {problem}. Su archivo no se cambió.</translation>
    </message>
    <message>
        <source>kvet cannot open this file</source>
        <translation>kvet no puede abrir este archivo</translation>
    </message>
    <message>
        <source>kvet cannot open your data</source>
        <translation>kvet no puede abrir sus datos</translation>
    </message>
    <message>
        <source>Open without the lost changes</source>
        <translation>Abrir sin los cambios perdidos</translation>
    </message>
    <message>
        <source>Start a new database</source>
        <translation>Empezar una base de datos nueva</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <source>kvet opens your data without the changes that could not be read. Your database and its damaged file of recent changes were kept as {kept}.</source>
        <translation>kvet abre sus datos sin los cambios que no se pudieron leer. Su base de datos y su archivo dañado de cambios recientes se guardaron como {kept}.</translation>
    </message>
    <message>
        <source>Restored {backup}. The file it replaced was kept as {kept}.</source>
        <translation>Se restauró {backup}. El archivo que reemplazó se guardó como {kept}.</translation>
    </message>
    <message>
        <source>The unreadable file was kept as {kept}. kvet will start with an empty database.</source>
        <translation>El archivo que no se podía leer se guardó como {kept}. kvet empezará con una base de datos vacía.</translation>
    </message>
    <message>
        <source>kvet closed unexpectedly last time</source>
        <translation>kvet se cerró de forma inesperada la última vez</translation>
    </message>
    <message>
        <source>kvet closed unexpectedly the last time it was used.

Your answers were saved as you gave them, so they should all be here.

A technical report was kept in this file:
{report}

It holds no clinic names, notes or answers. You can send it to whoever helps you with kvet.</source>
        <translation>kvet se cerró de forma inesperada la última vez que se usó.

Sus respuestas se guardaron a medida que las dio, así que deberían estar todas aquí.

Se guardó un informe técnico en este archivo:
{report}

No contiene nombres de clínicas, notas ni respuestas. Puede enviarlo a quien le ayude con kvet.</translation>
    </message>
    <message>
        <source>kvet could not read some of your saved data: a value in the database is damaged. kvet has not changed the file.</source>
        <translation>kvet no pudo leer parte de sus datos guardados: un valor de la base de datos está dañado. kvet no cambió el archivo.</translation>
    </message>
    <message>
        <source> There is no backup to restore yet.</source>
        <translation> Todavía no hay ninguna copia de seguridad para restaurar.</translation>
    </message>
    <message>
        <source>Some of your data is damaged</source>
        <translation>Algunos de sus datos están dañados</translation>
    </message>
    <message>
        <source>Some of your saved data is damaged, so kvet cannot show it. kvet has not changed it.</source>
        <translation>Algunos de sus datos guardados están dañados, así que kvet no puede mostrarlos. kvet no los ha cambiado.</translation>
    </message>
    <message>
        <source>Keep working</source>
        <translation>Seguir trabajando</translation>
    </message>
    <message>
        <source>kvet cannot start</source>
        <translation>kvet no puede iniciarse</translation>
    </message>
</context>
<context>
    <name>CallMode</name>
    <message>
        <source>Call mode — {clinic}</source>
        <translation>Modo de llamada — {clinic}</translation>
    </message>
    <message>
        <source>Where you are</source>
        <translation>Dónde está</translation>
    </message>
    <message>
        <source>Say this</source>
        <translation>Diga esto</translation>
    </message>
    <message>
        <source>What you are checking</source>
        <translation>Lo que está comprobando</translation>
    </message>
    <message>
        <source>Only questions not answered yet</source>
        <translation>Solo las preguntas aún sin respuesta</translation>
    </message>
    <message>
        <source>What the clinic said (optional)</source>
        <translation>Lo que dijo la clínica (opcional)</translation>
    </message>
    <message>
        <source>Answers are recorded for:</source>
        <translation>Las respuestas se guardan para:</translation>
    </message>
    <message>
        <source>Answers are recorded for</source>
        <translation>Las respuestas se guardan para</translation>
    </message>
    <message>
        <source>The person whose answers this call records.</source>
        <translation>La persona cuyas respuestas guarda esta llamada.</translation>
    </message>
    <message>
        <source>◀ Back</source>
        <translation>◀ Atrás</translation>
    </message>
    <message>
        <source>Previous question</source>
        <translation>Pregunta anterior</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>Siguiente ▶</translation>
    </message>
    <message>
        <source>Next question</source>
        <translation>Pregunta siguiente</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Keys: 1–4 answer, Enter or → next, ← back, Esc closes.</source>
        <translation>Teclas: 1–4 responden, Intro o → siguiente, ← atrás, Esc cierra.</translation>
    </message>
    <message>
        <source>Calling {clinic} · {phone}</source>
        <translation>Llamando a {clinic} · {phone}</translation>
    </message>
    <message>
        <source>Calling {clinic}</source>
        <translation>Llamando a {clinic}</translation>
    </message>
    <message>
        <source>Before the questions, tell the clinic:</source>
        <translation>Antes de las preguntas, dígale a la clínica:</translation>
    </message>
    <message>
        <source>{count} questions to ask. Press Enter to start.</source>
        <translation>{count} preguntas para hacer. Pulse Intro para empezar.</translation>
    </message>
    <message>
        <source>Tip: add things to tell the clinic under Clinic → Things to tell the clinic (private).</source>
        <translation>Consejo: añada cosas que decirle a la clínica en Clínica → Cosas que decirle a la clínica (privado).</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Terminado</translation>
    </message>
    <message>
        <source>That was the last question. Thank the clinic and hang up when you are ready.</source>
        <translation>Esa fue la última pregunta. Dele las gracias a la clínica y cuelgue cuando esté listo/a.</translation>
    </message>
    <message>
        <source>Your answers are saved.</source>
        <translation>Sus respuestas están guardadas.</translation>
    </message>
    <message>
        <source>Question {number} of {count} · {section}</source>
        <translation>Pregunta {number} de {count} · {section}</translation>
    </message>
    <message>
        <source>You are checking: {statement}</source>
        <translation>Está comprobando: {statement}</translation>
    </message>
</context>
<context>
    <name>CheckIn</name>
    <message>
        <source>Thank you for answering question 9 honestly. Thoughts like these deserve help now, not only at your next appointment. The crisis lines have opened in their own window. Please also tell your treating clinician. This check-in is not a diagnosis.</source>
        <translation>Gracias por contestar con sinceridad la pregunta 9. Con pensamientos como estos, es importante recibir ayuda ahora, sin esperar a su próxima cita. Las líneas de crisis están abiertas en otra ventana. Por favor, cuénteselo también al profesional de salud que le atiende. Este cuestionario no es un diagnóstico.</translation>
    </message>
    <message>
        <source>Date of this check-in</source>
        <translation>Fecha de este cuestionario</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>Fecha:</translation>
    </message>
    <message>
        <source>Question {number}: {answer}</source>
        <translation>Pregunta {number}: {answer}</translation>
    </message>
    <message>
        <source>Last question (not part of the score)</source>
        <translation>Última pregunta (no cuenta en el puntaje)</translation>
    </message>
    <message>
        <source>About question 9</source>
        <translation>Sobre la pregunta 9</translation>
    </message>
    <message>
        <source>Check-in result</source>
        <translation>Resultado del cuestionario</translation>
    </message>
    <message>
        <source>Save check-in</source>
        <translation>Guardar el cuestionario</translation>
    </message>
    <message>
        <source>Total {total} of {most}: {band}.</source>
        <translation>Total {total} de {most}: {band}.</translation>
    </message>
</context>
<context>
    <name>ClinicDialog</name>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <source>Clinic name</source>
        <translation>Nombre de la clínica</translation>
    </message>
    <message>
        <source>For example: Riverside Ketamine Clinic</source>
        <translation>Por ejemplo: Clínica de Ketamina Riverside</translation>
    </message>
    <message>
        <source>A&amp;ddress or area:</source>
        <translation>&amp;Dirección o zona:</translation>
    </message>
    <message>
        <source>Address or area</source>
        <translation>Dirección o zona</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>&amp;Teléfono:</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>&amp;Website:</source>
        <translation>Sitio &amp;web:</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Sitio web</translation>
    </message>
    <message>
        <source>Treatments offered:</source>
        <translation>Tratamientos que ofrece:</translation>
    </message>
    <message>
        <source>Treatments offered</source>
        <translation>Tratamientos que ofrece</translation>
    </message>
    <message>
        <source>N&amp;otes:</source>
        <translation>N&amp;otas:</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Prices and times (leave empty if not known yet)</source>
        <translation>Precios y horarios (déjelos vacíos si aún no los sabe)</translation>
    </message>
    <message>
        <source>Edit clinic</source>
        <translation>Editar la clínica</translation>
    </message>
    <message>
        <source>Add a clinic</source>
        <translation>Agregar una clínica</translation>
    </message>
    <message>
        <source>Currency of the prices</source>
        <translation>Moneda de los precios</translation>
    </message>
    <message>
        <source>Prices are in:</source>
        <translation>Los precios están en:</translation>
    </message>
    <message>
        <source>{statement}, in {unit}</source>
        <translation>{statement}, en {unit}</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problema</translation>
    </message>
    <message>
        <source>Save clinic</source>
        <translation>Guardar la clínica</translation>
    </message>
</context>
<context>
    <name>ClinicTable</name>
    <message>
        <source>Red flags</source>
        <translation>Señales de alerta</translation>
    </message>
    <message>
        <source>None seen</source>
        <translation>Ninguna vista</translation>
    </message>
    <message>
        <source>⚠ {count} seen</source>
        <translation>⚠ vistas: {count}</translation>
    </message>
    <message>
        <source>{answered} of {questions}</source>
        <translation>{answered} de {questions}</translation>
    </message>
    <message>
        <source>Not recommended:</source>
        <translation>No recomendada:</translation>
    </message>
</context>
<context>
    <name>Compare</name>
    <message>
        <source>– not answered</source>
        <translation>– sin respuesta</translation>
    </message>
    <message>
        <source>{answer} · people differ</source>
        <translation>{answer} · no coinciden</translation>
    </message>
    <message>
        <source>All answers side by side</source>
        <translation>Todas las respuestas, una al lado de otra</translation>
    </message>
    <message>
        <source>Checklist questions as rows and clinics as columns.</source>
        <translation>Las preguntas de la lista en filas y las clínicas en columnas.</translation>
    </message>
    <message>
        <source>Open in its own window</source>
        <translation>Abrir en una ventana aparte</translation>
    </message>
    <message>
        <source>Every answer side by side in a window as large as the screen.</source>
        <translation>Todas las respuestas, una al lado de otra, en una ventana del tamaño de la pantalla.</translation>
    </message>
    <message>
        <source>Add clinics to compare them.</source>
        <translation>Agregue clínicas para compararlas.</translation>
    </message>
    <message>
        <source>The first place could still change. One answer to any of these could change it or rule a clinic out:</source>
        <translation>El primer puesto aún puede cambiar. Una sola respuesta a una de estas preguntas lo puede cambiar o puede descartar una clínica:</translation>
    </message>
    <message>
        <source>The first place could still change, but no single answer can change it: it would take several.</source>
        <translation>El primer puesto aún puede cambiar, pero ninguna respuesta sola puede cambiarlo: harían falta varias.</translation>
    </message>
</context>
<context>
    <name>Controller</name>
    <message>
        <source>My clinics</source>
        <translation>Mis clínicas</translation>
    </message>
    <message>
        <source>Add a person…</source>
        <translation>Agregar una persona…</translation>
    </message>
    <message>
        <source>Everyone together</source>
        <translation>Todos juntos</translation>
    </message>
    <message>
        <source>New comparison</source>
        <translation>Nueva comparación</translation>
    </message>
    <message>
        <source>Name of the comparison:</source>
        <translation>Nombre de la comparación:</translation>
    </message>
    <message>
        <source>Rename comparison</source>
        <translation>Cambiar el nombre de la comparación</translation>
    </message>
    <message>
        <source>Deleted “{name}”. Undo with Ctrl+Z.</source>
        <translation>Se borró “{name}”. Puede deshacerlo con Ctrl+Z.</translation>
    </message>
    <message>
        <source>Imported into “{name}”.</source>
        <translation>Importado en “{name}”.</translation>
    </message>
    <message>
        <source>{name} only</source>
        <translation>Solo {name}</translation>
    </message>
    <message>
        <source>Add a person</source>
        <translation>Agregar una persona</translation>
    </message>
    <message>
        <source>Name of the person answering (for example “Mum”):</source>
        <translation>Nombre de la persona que responde (por ejemplo “Mamá”):</translation>
    </message>
    <message>
        <source>Rename person</source>
        <translation>Cambiar el nombre de la persona</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>Nombre nuevo:</translation>
    </message>
    <message>
        <source>Your typing could not be kept as a draft: {problem}</source>
        <translation>Lo que escribió no se pudo guardar como borrador: {problem}</translation>
    </message>
    <message>
        <source>a new clinic</source>
        <translation>una clínica nueva</translation>
    </message>
    <message>
        <source>kvet was closed while you were typing the details of “{name}”. Open what you typed?</source>
        <translation>kvet se cerró mientras usted escribía los datos de “{name}”. ¿Abrir lo que escribió?</translation>
    </message>
    <message>
        <source>Open it</source>
        <translation>Abrirlo</translation>
    </message>
    <message>
        <source>Discard it</source>
        <translation>Descartarlo</translation>
    </message>
    <message>
        <source>Removed “{name}”. Undo with Ctrl+Z.</source>
        <translation>Se quitó “{name}”. Puede deshacerlo con Ctrl+Z.</translation>
    </message>
</context>
<context>
    <name>Country</name>
    <message>
        <source>Where do you live? kvet asks only about the rules that apply there.</source>
        <translation>¿Dónde vive? kvet solo pregunta por las reglas que se aplican allí.</translation>
    </message>
    <message>
        <source>Where do you live? Some rules for clinics differ by country, so kvet only asks about the ones that apply to you. It also shows your country&apos;s crisis lines first.</source>
        <translation>¿Dónde vive? Algunas reglas para las clínicas cambian según el país, así que kvet solo pregunta por las que se aplican a usted. También muestra primero las líneas de crisis de su país.</translation>
    </message>
    <message>
        <source>You can change this later in Edit → Your country.</source>
        <translation>Puede cambiarlo más adelante en Editar → Su país.</translation>
    </message>
    <message>
        <source>Your country</source>
        <translation>Su país</translation>
    </message>
    <message>
        <source>Decides which rules the checklist asks about.</source>
        <translation>Decide por qué reglas pregunta la lista de preguntas.</translation>
    </message>
    <message>
        <source>Rules for: {country}</source>
        <translation>Reglas de: {country}</translation>
    </message>
    <message>
        <source>Use this country</source>
        <translation>Usar este país</translation>
    </message>
    <message>
        <source>Save your country. kvet will not ask again.</source>
        <translation>Guardar su país. kvet no volverá a preguntar.</translation>
    </message>
    <message>
        <source>Prices are in:</source>
        <translation>Los precios están en:</translation>
    </message>
    <message>
        <source>Currency of prices</source>
        <translation>Moneda de los precios</translation>
    </message>
    <message>
        <source>Choose the currency of the prices you will type.</source>
        <translation>Elija la moneda de los precios que va a escribir.</translation>
    </message>
    <message>
        <source>Set by your country.</source>
        <translation>La fija su país.</translation>
    </message>
</context>
<context>
    <name>CourseChart</name>
    <message>
        <source>No record chosen.</source>
        <translation>No hay ningún registro elegido.</translation>
    </message>
    <message>
        <source>Nothing to draw yet. Add a PHQ-9 check-in and your sessions.</source>
        <translation>Todavía no hay nada que dibujar. Agregue un cuestionario PHQ-9 y sus sesiones.</translation>
    </message>
    <message>
        <source>{day}   · marks along the bottom are sessions</source>
        <translation>{day}   · las marcas de abajo son sesiones</translation>
    </message>
</context>
<context>
    <name>Crisis</name>
    <message>
        <source>If you are in danger now, call your local emergency number.</source>
        <translation>Si está en peligro ahora, llame al número de emergencias de su zona.</translation>
    </message>
    <message>
        <source>In the US and Canada, call or text 988. In the UK and Ireland, call Samaritans on 116&#xa0;123. (The full list of crisis lines could not be read.)</source>
        <translation>En EE.&#xa0;UU. y Canadá, llame o envíe un mensaje de texto al 988 (hay ayuda en español). En el Reino Unido e Irlanda, llame a Samaritans al 116&#xa0;123. (No se pudo leer la lista completa de líneas de crisis).</translation>
    </message>
    <message>
        <source>kvet is not a crisis service and cannot contact anyone for you. The people on these lines can help.</source>
        <translation>kvet no es un servicio de crisis y no puede llamar a nadie por usted. Las personas de estas líneas pueden ayudarle.</translation>
    </message>
    <message>
        <source>Emergency number</source>
        <translation>Número de emergencias</translation>
    </message>
    <message>
        <source>Crisis line</source>
        <translation>Línea de crisis</translation>
    </message>
    <message>
        <source>Need help now?</source>
        <translation>¿Necesita ayuda ahora?</translation>
    </message>
    <message>
        <source>Crisis lines you can call or text now.</source>
        <translation>Líneas de crisis a las que puede llamar o escribir ahora.</translation>
    </message>
    <message>
        <source>If things feel like too much right now, you can talk to someone. Here is who you can call or text.</source>
        <translation>Si ahora todo le parece demasiado, puede hablar con alguien. Aquí tiene a quién puede llamar o escribir.</translation>
    </message>
    <message>
        <source>The most important thing to know</source>
        <translation>Lo más importante que debe saber</translation>
    </message>
    <message>
        <source>Show lines for:</source>
        <translation>Mostrar líneas de:</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>País</translation>
    </message>
    <message>
        <source>Show the crisis lines for another country.</source>
        <translation>Mostrar las líneas de crisis de otro país.</translation>
    </message>
    <message>
        <source>Crisis lines</source>
        <translation>Líneas de crisis</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Close this panel. Esc also closes it.</source>
        <translation>Cerrar este panel. La tecla Esc también lo cierra.</translation>
    </message>
    <message>
        <source>If you are in another country:</source>
        <translation>Si está en otro país:</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>Something went wrong</source>
        <translation>Algo salió mal</translation>
    </message>
    <message>
        <source>kvet ran into a problem it did not expect.

Your answers are saved as you give them, so they are safe. You can keep working.

If this keeps happening, close kvet and open it again. To report it, copy the technical details and send them to whoever helps you with kvet. They hold no clinic names, notes or answers.</source>
        <translation>kvet tuvo un problema que no esperaba.

Sus respuestas se guardan a medida que las da, así que están a salvo. Puede seguir trabajando.

Si esto vuelve a pasar, cierre kvet y ábralo de nuevo. Para avisar del problema, copie los datos técnicos y envíelos a quien le ayude con kvet. No contienen nombres de clínicas, notas ni respuestas.</translation>
    </message>
    <message>
        <source>Some of your data is damaged</source>
        <translation>Algunos de sus datos están dañados</translation>
    </message>
    <message>
        <source>Some of your saved data is damaged, so kvet cannot show it. kvet has not changed it.

Quit kvet and open it again: kvet then checks your data and offers to restore the newest good backup. Your current file is kept first.</source>
        <translation>Algunos de sus datos guardados están dañados, así que kvet no puede mostrarlos. kvet no los ha cambiado.

Salga de kvet y ábralo de nuevo: kvet revisará entonces sus datos y le ofrecerá restaurar la copia de seguridad buena más reciente. Su archivo actual se guarda primero.</translation>
    </message>
    <message>
        <source>&amp;Copy technical details</source>
        <translation>&amp;Copiar los datos técnicos</translation>
    </message>
    <message>
        <source>&amp;Quit kvet</source>
        <translation>&amp;Salir de kvet</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Copiado</translation>
    </message>
</context>
<context>
    <name>Glossary</name>
    <message>
        <source>{caption}. Words explained: {words}</source>
        <translation>{caption}. Palabras explicadas: {words}</translation>
    </message>
</context>
<context>
    <name>Guide</name>
    <message>
        <source>Before you decide</source>
        <translation>Antes de decidir</translation>
    </message>
    <message>
        <source>Not available</source>
        <translation>No disponible</translation>
    </message>
    <message>
        <source>The guide&apos;s text could not be read. Reinstall kvet to fix it.</source>
        <translation>No se pudo leer el texto de la guía. Vuelva a instalar kvet para arreglarlo.</translation>
    </message>
    <message>
        <source>dd MMMM yyyy</source>
        <translation>d &apos;de&apos; MMMM &apos;de&apos; yyyy</translation>
    </message>
    <message>
        <source>{text}

From: {sources}</source>
        <translation>{text}

Fuentes: {sources}</translation>
    </message>
</context>
<context>
    <name>ItemForm</name>
    <message>
        <source>Phone call</source>
        <translation>Llamada</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Sitio web</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Visita</translation>
    </message>
    <message>
        <source>Written material</source>
        <translation>Material escrito</translation>
    </message>
    <message>
        <source>Please type a number of 0 or more.</source>
        <translation>Escriba un número de 0 o más.</translation>
    </message>
    <message>
        <source>“{text}” is not a number. Type digits, like 450 or 12.5.</source>
        <translation>“{text}” no es un número. Escriba cifras, como 450 o 12.5.</translation>
    </message>
    <message>
        <source>Why it matters</source>
        <translation>Por qué importa</translation>
    </message>
    <message>
        <source>Show or hide why this item matters.</source>
        <translation>Mostrar u ocultar por qué importa este punto.</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Número</translation>
    </message>
    <message>
        <source>Leave empty if not known yet</source>
        <translation>Déjelo vacío si aún no lo sabe</translation>
    </message>
    <message>
        <source>Their words, in short (optional)</source>
        <translation>Lo que dijeron, en pocas palabras (opcional)</translation>
    </message>
    <message>
        <source>Your note of the clinic&apos;s answer. It is saved when you pause typing.</source>
        <translation>Su nota sobre la respuesta de la clínica. Se guarda cuando deja de escribir un momento.</translation>
    </message>
    <message>
        <source>Where this answer came from</source>
        <translation>De dónde viene esta respuesta</translation>
    </message>
    <message>
        <source>A phone call, the website, a visit, or written material from the clinic.</source>
        <translation>Una llamada, el sitio web, una visita o material escrito de la clínica.</translation>
    </message>
    <message>
        <source>No question to show yet.</source>
        <translation>Todavía no hay ninguna pregunta que mostrar.</translation>
    </message>
    <message>
        <source>Checklist item</source>
        <translation>Punto de la lista</translation>
    </message>
    <message>
        <source>What to check</source>
        <translation>Qué revisar</translation>
    </message>
    <message>
        <source>How to ask it</source>
        <translation>Cómo preguntarlo</translation>
    </message>
    <message>
        <source>A good answer sounds like</source>
        <translation>Una buena respuesta se parece a</translation>
    </message>
    <message>
        <source>Where this item comes from</source>
        <translation>De dónde viene este punto</translation>
    </message>
    <message>
        <source>Your answer</source>
        <translation>Su respuesta</translation>
    </message>
    <message>
        <source>Problem with the number</source>
        <translation>Problema con el número</translation>
    </message>
    <message>
        <source>How old this answer is</source>
        <translation>Qué tan reciente es esta respuesta</translation>
    </message>
    <message>
        <source>Where this answer came from:</source>
        <translation>De dónde viene esta respuesta:</translation>
    </message>
    <message>
        <source>Source: {titles}</source>
        <translation>Fuente: {titles}</translation>
    </message>
    <message>
        <source>Answer {age}.</source>
        <translation>Respuesta {age}.</translation>
    </message>
    <message>
        <source>Key {number}.</source>
        <translation>Tecla {number}.</translation>
    </message>
    <message>
        <source>Chosen. Press again to clear the answer.</source>
        <translation>Elegida. Púlsela otra vez para borrar la respuesta.</translation>
    </message>
    <message>
        <source>Choose this answer.</source>
        <translation>Elegir esta respuesta.</translation>
    </message>
    <message>
        <source>Number, in {unit}</source>
        <translation>Número, en {unit}</translation>
    </message>
    <message>
        <source>Type a number in {unit}, or leave it empty if not known yet.</source>
        <translation>Escriba un número en {unit}, o déjelo vacío si aún no lo sabe.</translation>
    </message>
    <message>
        <source>“Not sure” counts as half good, half bad until you find out. “The clinic would not say” counts as a bad answer. If this red flag is a dealbreaker, it is then not cleared: the clinic could still be ruled out.</source>
        <translation>“No lo sé” cuenta como mitad buena y mitad mala hasta que usted lo averigüe. “La clínica no quiso decirlo” cuenta como una mala respuesta. Si esta señal de alerta es un motivo para descartar, queda sin aclarar: la clínica todavía podría quedar descartada.</translation>
    </message>
    <message>
        <source>“Not sure” counts as half good, half bad until you find out. “The clinic would not say” counts as a bad answer, the same as “No”.</source>
        <translation>“No lo sé” cuenta como mitad buena y mitad mala hasta que usted lo averigüe. “La clínica no quiso decirlo” cuenta como una mala respuesta, igual que “No”.</translation>
    </message>
    <message>
        <source>“Not asked yet” counts as half good, half bad until you ask. “Would not answer” counts as a bad answer.</source>
        <translation>“Aún no lo pregunté” cuenta como mitad buena y mitad mala hasta que usted pregunte. “No quiso responder” cuenta como una mala respuesta.</translation>
    </message>
    <message>
        <source>How “Not sure” and “would not say” count</source>
        <translation>Cómo cuentan “No lo sé” y “no quiso decirlo”</translation>
    </message>
</context>
<context>
    <name>LanguageDialog</name>
    <message>
        <source>Which language should kvet use?</source>
        <translation>¿En qué idioma quiere usar kvet?</translation>
    </message>
    <message>
        <source>kvet will use the language you choose the next time it starts. Your answers and scores stay the same in every language.</source>
        <translation>kvet usará el idioma que elija la próxima vez que se abra. Sus respuestas y puntajes son los mismos en todos los idiomas.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>kvet</source>
        <translation>kvet</translation>
    </message>
    <message>
        <source>Comparison</source>
        <translation>Comparación</translation>
    </message>
    <message>
        <source>Choose which set of clinics you are comparing.</source>
        <translation>Elija qué grupo de clínicas está comparando.</translation>
    </message>
    <message>
        <source>Compariso&amp;n:</source>
        <translation>Co&amp;mparación:</translation>
    </message>
    <message>
        <source>Answers &amp;by:</source>
        <translation>Respues&amp;tas de:</translation>
    </message>
    <message>
        <source>Answers by</source>
        <translation>Respuestas de</translation>
    </message>
    <message>
        <source>Whose answers are being recorded and shown.</source>
        <translation>De quién son las respuestas que se guardan y se muestran.</translation>
    </message>
    <message>
        <source>&amp;Scores from:</source>
        <translation>P&amp;untajes según:</translation>
    </message>
    <message>
        <source>Scores from</source>
        <translation>Puntajes según</translation>
    </message>
    <message>
        <source>Score the clinics from everyone&apos;s answers together, or from one person&apos;s.</source>
        <translation>Calificar las clínicas con las respuestas de todos juntos, o con las de una sola persona.</translation>
    </message>
    <message>
        <source>Need help now?</source>
        <translation>¿Necesita ayuda ahora?</translation>
    </message>
    <message>
        <source>Shows crisis lines you can call or text right now.</source>
        <translation>Muestra líneas de crisis a las que puede llamar o escribir ahora mismo.</translation>
    </message>
    <message>
        <source>C&amp;linics, in ranking order</source>
        <translation>C&amp;línicas, en orden de puntaje</translation>
    </message>
    <message>
        <source>Clinics, in ranking order</source>
        <translation>Clínicas, en orden de puntaje</translation>
    </message>
    <message>
        <source>Each clinic with its score, how many questions are answered, and red flags seen.</source>
        <translation>Cada clínica con su puntaje, cuántas preguntas tienen respuesta y las señales de alerta vistas.</translation>
    </message>
    <message>
        <source>&amp;Add clinic…</source>
        <translation>A&amp;gregar clínica…</translation>
    </message>
    <message>
        <source>Add a clinic you are considering.</source>
        <translation>Agregue una clínica que está considerando.</translation>
    </message>
    <message>
        <source>Ed&amp;it…</source>
        <translation>E&amp;ditar…</translation>
    </message>
    <message>
        <source>Edit clinic</source>
        <translation>Editar la clínica</translation>
    </message>
    <message>
        <source>Change the selected clinic&apos;s name, contact details and formats.</source>
        <translation>Cambiar el nombre, los datos de contacto y los formatos de la clínica elegida.</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Quitar</translation>
    </message>
    <message>
        <source>Remove clinic</source>
        <translation>Quitar la clínica</translation>
    </message>
    <message>
        <source>Remove the selected clinic. You can undo this.</source>
        <translation>Quitar la clínica elegida. Puede deshacerlo.</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>Vistas</translation>
    </message>
    <message>
        <source>&amp;Overview</source>
        <translation>Re&amp;sumen</translation>
    </message>
    <message>
        <source>&amp;Walk through</source>
        <translation>&amp;Repasar</translation>
    </message>
    <message>
        <source>Com&amp;pare</source>
        <translation>Com&amp;parar</translation>
    </message>
    <message>
        <source>What &amp;matters to you</source>
        <translation>Lo que le &amp;importa</translation>
    </message>
    <message>
        <source>&amp;Together</source>
        <translation>&amp;Juntos</translation>
    </message>
    <message>
        <source>kvet helps you check ketamine and esketamine clinics and compare them side by side. You note what each clinic tells you; kvet shows a score, how sure it is, and what to ask next. It does not give medical advice, and everything stays on this computer.</source>
        <translation>kvet le ayuda a revisar clínicas de ketamina y esketamina y a compararlas una al lado de otra. Usted anota lo que le dice cada clínica; kvet muestra un puntaje, qué tan seguro es y qué preguntar después. No da consejos médicos, y todo se queda en esta computadora.</translation>
    </message>
    <message>
        <source>The first place could still change. See Compare for what to ask next.</source>
        <translation>El primer puesto aún puede cambiar. Vea Comparar para saber qué preguntar ahora.</translation>
    </message>
    <message>
        <source>Opening your data…</source>
        <translation>Abriendo sus datos…</translation>
    </message>
    <message>
        <source>Your country</source>
        <translation>Su país</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>Bienvenida</translation>
    </message>
    <message>
        <source>Welcome to kvet</source>
        <translation>Le damos la bienvenida a kvet</translation>
    </message>
    <message>
        <source>Open the sample comparison</source>
        <translation>Abrir la comparación de ejemplo</translation>
    </message>
    <message>
        <source>Fictional clinics that show how kvet works. You can delete them later.</source>
        <translation>Clínicas inventadas que muestran cómo funciona kvet. Puede borrarlas después.</translation>
    </message>
    <message>
        <source>Got it</source>
        <translation>Entendido</translation>
    </message>
    <message>
        <source>Hide this welcome message.</source>
        <translation>Ocultar este mensaje de bienvenida.</translation>
    </message>
    <message>
        <source>No clinics yet. Add the first one you are considering.</source>
        <translation>Todavía no hay clínicas. Agregue la primera que está considerando.</translation>
    </message>
    <message>
        <source>&amp;Undo {step}</source>
        <translation>&amp;Deshacer {step}</translation>
    </message>
    <message>
        <source>&amp;Redo {step}</source>
        <translation>&amp;Rehacer {step}</translation>
    </message>
    <message>
        <source>… and {count} more.</source>
        <translation>… y {count} más.</translation>
    </message>
    <message>
        <source>The file brought {count} answer(s) that differ from yours. They are listed under Together, where you can settle them.</source>
        <translation>El archivo trajo {count} respuesta(s) distintas de las suyas. Están en Juntos, donde puede resolverlas.</translation>
    </message>
    <message>
        <source>Answers that differ</source>
        <translation>Respuestas que no coinciden</translation>
    </message>
</context>
<context>
    <name>Money</name>
    <message>
        <source>US dollar</source>
        <translation>Dólar estadounidense</translation>
    </message>
    <message>
        <source>Canadian dollar</source>
        <translation>Dólar canadiense</translation>
    </message>
    <message>
        <source>Pound sterling</source>
        <translation>Libra esterlina</translation>
    </message>
    <message>
        <source>Euro</source>
        <translation>Euro</translation>
    </message>
    <message>
        <source>Australian dollar</source>
        <translation>Dólar australiano</translation>
    </message>
    <message>
        <source>New Zealand dollar</source>
        <translation>Dólar neozelandés</translation>
    </message>
</context>
<context>
    <name>OpenFiles</name>
    <message>
        <source>Add kvet to the Start menu?</source>
        <translation>¿Agregar kvet al menú Inicio?</translation>
    </message>
    <message>
        <source>kvet can add itself to your Start menu, so you can find it without opening this folder again. Nothing else on your computer is changed.</source>
        <translation>kvet puede agregarse a su menú Inicio, para que lo encuentre sin abrir esta carpeta otra vez. No se cambia nada más en su computadora.</translation>
    </message>
    <message>
        <source>kvet could not add itself to the Start menu. Nothing else was changed. You can still start kvet from its folder.</source>
        <translation>kvet no pudo agregarse al menú Inicio. No se cambió nada más. Puede seguir abriendo kvet desde su carpeta.</translation>
    </message>
</context>
<context>
    <name>Overview</name>
    <message>
        <source>kvet helps you compare clinics. It is not medical advice.</source>
        <translation>kvet le ayuda a comparar clínicas. No es un consejo médico.</translation>
    </message>
    <message>
        <source>By section</source>
        <translation>Por sección</translation>
    </message>
    <message>
        <source>What moved the score most</source>
        <translation>Lo que más movió el puntaje</translation>
    </message>
    <message>
        <source>Still to ask</source>
        <translation>Falta preguntar</translation>
    </message>
    <message>
        <source>About the selected clinic</source>
        <translation>Sobre la clínica elegida</translation>
    </message>
    <message>
        <source>Score summary</source>
        <translation>Resumen del puntaje</translation>
    </message>
    <message>
        <source>Cost estimate</source>
        <translation>Costo estimado</translation>
    </message>
    <message>
        <source>Prices and times…</source>
        <translation>Precios y tiempos…</translation>
    </message>
    <message>
        <source>Type the clinic&apos;s price per session, first fee, sessions and travel time.</source>
        <translation>Escriba el precio por sesión de la clínica, el costo de la primera consulta, las sesiones y el tiempo de viaje.</translation>
    </message>
    <message>
        <source>Whose answers</source>
        <translation>De quién son las respuestas</translation>
    </message>
    <message>
        <source>Where people&apos;s answers differ</source>
        <translation>Dónde no coinciden las respuestas</translation>
    </message>
    <message>
        <source>Answers to questions no longer in the checklist</source>
        <translation>Respuestas a preguntas que ya no están en la lista</translation>
    </message>
    <message>
        <source>Score by section</source>
        <translation>Puntaje por sección</translation>
    </message>
    <message>
        <source>Walk through the checklist</source>
        <translation>Repasar la lista de preguntas</translation>
    </message>
    <message>
        <source>Answer the checklist for this clinic, step by step.</source>
        <translation>Responder la lista de preguntas de esta clínica, paso a paso.</translation>
    </message>
    <message>
        <source>Call mode…</source>
        <translation>Modo de llamada…</translation>
    </message>
    <message>
        <source>The questions as a script for a phone call.</source>
        <translation>Las preguntas como guion para una llamada.</translation>
    </message>
    <message>
        <source>Add a clinic to see its score here.</source>
        <translation>Agregue una clínica para ver aquí su puntaje.</translation>
    </message>
    <message>
        <source>Kept from an earlier version of the checklist (no longer scored):</source>
        <translation>Guardadas de una versión anterior de la lista (ya no cuentan para el puntaje):</translation>
    </message>
    <message>
        <source>Scored from {name}&apos;s answers only.</source>
        <translation>Puntaje calculado solo con las respuestas de {name}.</translation>
    </message>
    <message>
        <source>Scored from everyone&apos;s answers together.</source>
        <translation>Puntaje calculado con las respuestas de todos juntos.</translation>
    </message>
    <message>
        <source>People&apos;s answers differ on {count} question here. Settle them under Together:</source>
        <translation>Las respuestas no coinciden en {count} pregunta de esta clínica. Resuélvalo en Juntos:</translation>
    </message>
    <message>
        <source>People&apos;s answers differ on {count} questions here. Settle them under Together:</source>
        <translation>Las respuestas no coinciden en {count} preguntas de esta clínica. Resuélvalas en Juntos:</translation>
    </message>
    <message>
        <source>… and {count} more.</source>
        <translation>… y {count} más.</translation>
    </message>
    <message>
        <source>No clinic selected</source>
        <translation>No hay ninguna clínica elegida</translation>
    </message>
    <message>
        <source>Not recommended. A dealbreaker red flag was seen:</source>
        <translation>No recomendada. Se vio una señal de alerta que es motivo para descartar:</translation>
    </message>
    <message>
        <source>No score: no checklist item carries weight for this clinic.</source>
        <translation>Sin puntaje: ninguna pregunta de la lista tiene peso para esta clínica.</translation>
    </message>
    <message>
        <source>Cost: add the price per session to see an estimate.</source>
        <translation>Costo: agregue el precio por sesión para ver una estimación.</translation>
    </message>
    <message>
        <source>Nothing yet.</source>
        <translation>Nada todavía.</translation>
    </message>
    <message>
        <source>…and {count} more.</source>
        <translation>…y {count} más.</translation>
    </message>
    <message>
        <source>Everything is answered.</source>
        <translation>Todo tiene respuesta.</translation>
    </message>
    <message>
        <source>not scored yet</source>
        <translation>aún sin puntaje</translation>
    </message>
    <message>
        <source>{score} out of 100</source>
        <translation>{score} de 100</translation>
    </message>
</context>
<context>
    <name>Prescreen</name>
    <message>
        <source>These are topics to raise with a clinic, not a verdict. kvet does not give medical advice. What you tick stays on this computer and is only used for your call notes. It is not part of any score, and it is never shared unless you choose to include it.</source>
        <translation>Son temas para hablar con una clínica, no un veredicto. kvet no da consejos médicos. Lo que marque se queda en esta computadora y solo se usa para sus notas de la llamada. No cuenta para ningún puntaje y nunca se comparte, a menos que usted elija incluirlo.</translation>
    </message>
    <message>
        <source>Health history a careful clinic will ask about</source>
        <translation>Historia de salud sobre la que preguntará una clínica cuidadosa</translation>
    </message>
    <message>
        <source>Medicines and substances to discuss</source>
        <translation>Medicamentos y sustancias de los que hablar</translation>
    </message>
    <message>
        <source>Things to tell the clinic (private)</source>
        <translation>Cosas que decirle a la clínica (privado)</translation>
    </message>
    <message>
        <source>Details for the clinic (optional)</source>
        <translation>Detalles para la clínica (opcional)</translation>
    </message>
    <message>
        <source>Details: {topic}</source>
        <translation>Detalles: {topic}</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problema</translation>
    </message>
</context>
<context>
    <name>Problems</name>
    <message>
        <source>Nothing was imported and nothing was changed.</source>
        <translation>No se importó nada y no se cambió nada.</translation>
    </message>
    <message>
        <source>kvet could not open “{file}”.</source>
        <translation>kvet no pudo abrir “{file}”.</translation>
    </message>
    <message>
        <source>Check that the file is still there and that you may open it, then try again.</source>
        <translation>Revise que el archivo siga ahí y que tenga permiso para abrirlo, y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>“{file}” is damaged, or it is not a comparison saved by kvet.</source>
        <translation>“{file}” está dañado, o no es una comparación guardada por kvet.</translation>
    </message>
    <message>
        <source>Ask the person who sent it to save it again from kvet (File → Share with family) and send you the new file.</source>
        <translation>Pida a la persona que se lo envió que lo guarde otra vez desde kvet (Archivo → Compartir con la familia) y le envíe el archivo nuevo.</translation>
    </message>
    <message>
        <source>kvet could not save the {what}. Nothing was written.</source>
        <translation>kvet no pudo guardar: {what}. No se escribió nada.</translation>
    </message>
    <message>
        <source>Choose another folder (Documents, for example), check that the disk is not full, and try again.</source>
        <translation>Elija otra carpeta (Documentos, por ejemplo), revise que el disco no esté lleno y vuelva a intentarlo.</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Buscar en:</translation>
    </message>
    <message>
        <source>Look in:</source>
        <translation>Buscar en:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>Archivos de &amp;tipo:</translation>
    </message>
    <message>
        <source>Files of type:</source>
        <translation>Archivos de tipo:</translation>
    </message>
    <message>
        <source>File &amp;name:</source>
        <translation>&amp;Nombre del archivo:</translation>
    </message>
    <message>
        <source>All Files (*)</source>
        <translation>Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Show &amp;hidden files</source>
        <translation>Mostrar los archivos &amp;ocultos</translation>
    </message>
    <message>
        <source>Go to the parent directory</source>
        <translation>Ir a la carpeta de arriba</translation>
    </message>
    <message>
        <source>File Folder</source>
        <translation>Carpeta</translation>
    </message>
    <message>
        <source>Computer</source>
        <translation>Computadora</translation>
    </message>
    <message>
        <source>My Computer</source>
        <translation>Mi computadora</translation>
    </message>
    <message>
        <source>%1 already exists.
Do you want to replace it?</source>
        <translation>El archivo %1 ya existe.
¿Quiere reemplazarlo?</translation>
    </message>
    <message>
        <source>%1
File not found.
Please verify the correct file name was given.</source>
        <translation>%1
No se encontró el archivo.
Revise que el nombre del archivo esté bien escrito.</translation>
    </message>
</context>
<context>
    <name>QFileSystemModel</name>
    <message>
        <source>My Computer</source>
        <translation>Mi computadora</translation>
    </message>
    <message>
        <source>Computer</source>
        <translation>Computadora</translation>
    </message>
    <message>
        <source>Invalid filename</source>
        <translation>Nombre de archivo no válido</translation>
    </message>
</context>
<context>
    <name>RankingChart</name>
    <message>
        <source>No clinics to rank yet. Add a clinic to see it here.</source>
        <translation>Todavía no hay clínicas para ordenar. Agregue una clínica para verla aquí.</translation>
    </message>
    <message>
        <source>no answers yet</source>
        <translation>aún sin respuestas</translation>
    </message>
    <message>
        <source>nothing to score</source>
        <translation>nada que calificar</translation>
    </message>
    <message>
        <source>place can&apos;t change</source>
        <translation>el puesto no puede cambiar</translation>
    </message>
    <message>
        <source>place could change</source>
        <translation>el puesto puede cambiar</translation>
    </message>
    <message>
        <source>not recommended</source>
        <translation>no recomendada</translation>
    </message>
    <message>
        <source>settled: answers still to come cannot change it</source>
        <translation>definido: las respuestas que faltan no pueden cambiarlo</translation>
    </message>
    <message>
        <source>no open questions</source>
        <translation>sin preguntas abiertas</translation>
    </message>
    <message>
        <source>could end between {low} and {high}</source>
        <translation>podría quedar entre {low} y {high}</translation>
    </message>
    <message>
        <source>{rank}. {name}: no score, nothing to score; {words}.</source>
        <translation>{rank}. {name}: sin puntaje, nada que calificar; {words}.</translation>
    </message>
    <message>
        <source>{rank}. {name}: not recommended; for reference, {score}.</source>
        <translation>{rank}. {name}: no recomendada; como referencia, {score}.</translation>
    </message>
    <message>
        <source>Ranking of {count} clinic.</source>
        <translation>Orden de {count} clínica.</translation>
    </message>
    <message>
        <source>Ranking of {count} clinics.</source>
        <translation>Orden de {count} clínicas.</translation>
    </message>
    <message>
        <source>Ranking chart</source>
        <translation>Gráfico del orden de las clínicas</translation>
    </message>
    <message>
        <source>… and {count} more. Make this area taller to see them.</source>
        <translation>… y {count} más. Agrande esta zona hacia abajo para verlas.</translation>
    </message>
    <message>
        <source>The bar is the score so far (open questions count half). The thin line with ends shows where the score could end once every question is answered.</source>
        <translation>La barra es el puntaje hasta ahora (las preguntas abiertas cuentan la mitad). La línea con topes muestra dónde podría quedar cuando todo tenga respuesta.</translation>
    </message>
    <message>
        <source>not yet vetted</source>
        <translation>aún sin revisar</translation>
    </message>
    <message>
        <source>score so far {score} out of 100, {range}</source>
        <translation>puntaje hasta ahora {score} de 100, {range}</translation>
    </message>
</context>
<context>
    <name>SessionLog</name>
    <message>
        <source>IV infusion</source>
        <translation>Infusión intravenosa</translation>
    </message>
    <message>
        <source>Nasal esketamine</source>
        <translation>Esketamina nasal</translation>
    </message>
    <message>
        <source>IM injection</source>
        <translation>Inyección intramuscular</translation>
    </message>
    <message>
        <source>Oral or lozenge</source>
        <translation>Oral o pastilla para chupar</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Otro</translation>
    </message>
    <message>
        <source>Lift (days)</source>
        <translation>Mejoría (días)</translation>
    </message>
    <message>
        <source>{dose} (raised, as the clinic planned)</source>
        <translation>{dose} (más alta, según el plan de la clínica)</translation>
    </message>
    <message>
        <source>{dose} (raised)</source>
        <translation>{dose} (más alta)</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Fecha:</translation>
    </message>
    <message>
        <source>&amp;Treatment:</source>
        <translation>&amp;Tratamiento:</translation>
    </message>
    <message>
        <source>In your words, what the clinic said (optional)</source>
        <translation>Con sus palabras, lo que dijo la clínica (opcional)</translation>
    </message>
    <message>
        <source>What the clinic said about the d&amp;ose:</source>
        <translation>Lo que dijo la clínica de la d&amp;osis:</translation>
    </message>
    <message>
        <source>The clinic said the dose was raised this time</source>
        <translation>La clínica dijo que esta vez subió la dosis</translation>
    </message>
    <message>
        <source>The clinic planned this raise (part of its schedule)</source>
        <translation>La clínica tenía planeada esta subida (es parte de su calendario)</translation>
    </message>
    <message>
        <source>e.g. 128/84</source>
        <translation>p. ej. 128/84</translation>
    </message>
    <message>
        <source>e.g. 140/90</source>
        <translation>p. ej. 140/90</translation>
    </message>
    <message>
        <source>after:</source>
        <translation>después:</translation>
    </message>
    <message>
        <source>&amp;Blood pressure before (if shared):</source>
        <translation>P&amp;resión arterial antes (si se la dieron):</translation>
    </message>
    <message>
        <source> min</source>
        <translation> minutos</translation>
    </message>
    <message>
        <source>Time &amp;until steady:</source>
        <translation>Tiempo hasta estar esta&amp;ble:</translation>
    </message>
    <message>
        <source>Asked at each session, because only then is it known. 0 means no lift at all.</source>
        <translation>Se pregunta en cada sesión, porque solo entonces se sabe. 0 quiere decir que no hubo mejoría.</translation>
    </message>
    <message>
        <source>How &amp;many days did the lift from your last session last?</source>
        <translation>¿Cuántos días le &amp;duró la mejoría de su última sesión?</translation>
    </message>
    <message>
        <source>Side effects you noticed</source>
        <translation>Efectos secundarios que notó</translation>
    </message>
    <message>
        <source>A short note (optional)</source>
        <translation>Una nota breve (opcional)</translation>
    </message>
    <message>
        <source>&amp;Add session</source>
        <translation>&amp;Agregar sesión</translation>
    </message>
</context>
<context>
    <name>Sharing</name>
    <message>
        <source>kvet comparison (*.kvet)</source>
        <translation>Comparación de kvet (*.kvet)</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>Documento PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Spreadsheet, CSV (*.csv)</source>
        <translation>Hoja de cálculo, CSV (*.csv)</translation>
    </message>
    <message>
        <source>report</source>
        <translation>el informe</translation>
    </message>
    <message>
        <source>questions</source>
        <translation>las preguntas</translation>
    </message>
    <message>
        <source>call sheet</source>
        <translation>la hoja para la llamada</translation>
    </message>
    <message>
        <source>table</source>
        <translation>la tabla</translation>
    </message>
    <message>
        <source>shareable file</source>
        <translation>el archivo para compartir</translation>
    </message>
    <message>
        <source>Save a shareable file</source>
        <translation>Guardar un archivo para compartir</translation>
    </message>
    <message>
        <source>The file holds your clinics, everyone&apos;s answers and notes, and your weights. Family can open it in their own kvet.</source>
        <translation>El archivo tiene sus clínicas, las respuestas y notas de todos, y sus pesos. Su familia puede abrirlo en su propio kvet.</translation>
    </message>
    <message>
        <source>Protect the file with a password</source>
        <translation>Proteger el archivo con una contraseña</translation>
    </message>
    <message>
        <source>Useful when the file travels by e-mail. Without the password nobody can read it.</source>
        <translation>Útil cuando el archivo viaja por correo electrónico. Sin la contraseña nadie puede leerlo.</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>Contraseña otra vez</translation>
    </message>
    <message>
        <source>How hard the password is to guess</source>
        <translation>Qué tan difícil es adivinar la contraseña</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Contraseña:</translation>
    </message>
    <message>
        <source>Again:</source>
        <translation>Otra vez:</translation>
    </message>
    <message>
        <source>Also include my private pre-screen topics</source>
        <translation>Incluir también mis temas privados para la clínica</translation>
    </message>
    <message>
        <source>Left out unless you tick this: they are your health information.</source>
        <translation>No se incluyen a menos que marque esto: son su información de salud.</translation>
    </message>
    <message>
        <source>Also include my treatment records at these clinics</source>
        <translation>Incluir también mis registros de tratamiento en estas clínicas</translation>
    </message>
    <message>
        <source>From My treatment: sessions, PHQ-9 check-ins and notes. Left out unless you tick this: they are your health information.</source>
        <translation>De Mi tratamiento: sesiones, controles PHQ-9 y notas. No se incluyen a menos que marque esto: son su información de salud.</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problema</translation>
    </message>
    <message>
        <source>Type a password, or untick “Protect the file”.</source>
        <translation>Escriba una contraseña, o desmarque “Proteger el archivo”.</translation>
    </message>
    <message>
        <source>Choose a password that is harder to guess. {why}</source>
        <translation>Elija una contraseña más difícil de adivinar. {why}</translation>
    </message>
    <message>
        <source>The two passwords are not the same. Type them again.</source>
        <translation>Las dos contraseñas no son iguales. Escríbalas otra vez.</translation>
    </message>
    <message>
        <source>Import a comparison</source>
        <translation>Importar una comparación</translation>
    </message>
    <message>
        <source>Import “{name}”</source>
        <translation>Importar “{name}”</translation>
    </message>
    <message>
        <source>As a new comparison</source>
        <translation>Como una comparación nueva</translation>
    </message>
    <message>
        <source>Into “{name}”, the comparison this file belongs to</source>
        <translation>En “{name}”, la comparación a la que pertenece este archivo</translation>
    </message>
    <message>
        <source>Into “{name}”, next to what you have</source>
        <translation>En “{name}”, junto a lo que ya tiene</translation>
    </message>
    <message>
        <source>Clinics you both have are matched. Other people&apos;s answers arrive as their own.</source>
        <translation>Las clínicas que tienen los dos se juntan. Las respuestas de otras personas llegan como suyas propias.</translation>
    </message>
    <message>
        <source>Everyone in the file arrives as a new person. If someone in it is one of your people (you, for example), say so here: their answers then join that person&apos;s.</source>
        <translation>Cada persona del archivo llega como una persona nueva. Si alguien del archivo es una de sus personas (usted, por ejemplo), dígalo aquí: sus respuestas se unen entonces a las de esa persona.</translation>
    </message>
    <message>
        <source>Who “{name}” is</source>
        <translation>Quién es “{name}”</translation>
    </message>
    <message>
        <source>A new person</source>
        <translation>Una persona nueva</translation>
    </message>
    <message>
        <source>Same as your “{name}”</source>
        <translation>La misma que su “{name}”</translation>
    </message>
    <message>
        <source>Also import the private pre-screen topics in this file ({count})</source>
        <translation>Importar también los temas privados para la clínica de este archivo ({count})</translation>
    </message>
    <message>
        <source>Health information someone chose to share. Left out unless you tick this.</source>
        <translation>Información de salud que alguien eligió compartir. No se importa a menos que marque esto.</translation>
    </message>
    <message>
        <source>Also import the treatment records in this file ({count})</source>
        <translation>Importar también los registros de tratamiento de este archivo ({count})</translation>
    </message>
    <message>
        <source>What the file brings</source>
        <translation>Lo que trae el archivo</translation>
    </message>
    <message>
        <source>Where the file and your data differ, your version is kept. Tick the ones where the file&apos;s version should be used instead.</source>
        <translation>Donde el archivo y sus datos no coinciden, se guarda su versión. Marque aquellos en los que se debe usar la versión del archivo.</translation>
    </message>
    <message>
        <source>Differences to settle</source>
        <translation>Diferencias para resolver</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importar</translation>
    </message>
    <message>
        <source>The file</source>
        <translation>El archivo</translation>
    </message>
    <message>
        <source>Tick to use the file&apos;s version.</source>
        <translation>Marque para usar la versión del archivo.</translation>
    </message>
    <message>
        <source>Importing the comparison…</source>
        <translation>Importando la comparación…</translation>
    </message>
    <message>
        <source>Writing the clinics and answers…</source>
        <translation>Escribiendo las clínicas y las respuestas…</translation>
    </message>
    <message>
        <source>Nothing was imported: kvet could not write what the file brings.</source>
        <translation>No se importó nada: kvet no pudo escribir lo que trae el archivo.</translation>
    </message>
    <message>
        <source>Your data is as it was. Try again; if it happens again, restart kvet.</source>
        <translation>Sus datos están como estaban. Vuelva a intentarlo; si pasa otra vez, reinicie kvet.</translation>
    </message>
    <message>
        <source>That password did not open {name}. Check it and type it again:</source>
        <translation>Esa contraseña no abrió {name}. Revísela y escríbala otra vez:</translation>
    </message>
    <message>
        <source>Password needed</source>
        <translation>Se necesita la contraseña</translation>
    </message>
    <message>
        <source>{name} is protected. Type its password:</source>
        <translation>{name} está protegido. Escriba su contraseña:</translation>
    </message>
    <message>
        <source>Saving the {what}…</source>
        <translation>Guardando {what}…</translation>
    </message>
    <message>
        <source>Saved the {what} as {path}</source>
        <translation>Se guardó {what} como {path}</translation>
    </message>
    <message>
        <source>Save the report as PDF</source>
        <translation>Guardar el informe en PDF</translation>
    </message>
    <message>
        <source>kvet report</source>
        <translation>informe kvet</translation>
    </message>
    <message>
        <source>kvet report: {name}</source>
        <translation>Informe de kvet: {name}</translation>
    </message>
    <message>
        <source>Print the report</source>
        <translation>Imprimir el informe</translation>
    </message>
    <message>
        <source>kvet could not print the report.</source>
        <translation>kvet no pudo imprimir el informe.</translation>
    </message>
    <message>
        <source>Nothing was sent to the printer. Try again; if it happens again, restart kvet.</source>
        <translation>No se envió nada a la impresora. Vuelva a intentarlo; si pasa otra vez, reinicie kvet.</translation>
    </message>
    <message>
        <source>Sent the report to the printer</source>
        <translation>Se envió el informe a la impresora</translation>
    </message>
    <message>
        <source>The questions could not be read. Reinstall kvet to fix it.</source>
        <translation>No se pudieron leer las preguntas. Vuelva a instalar kvet para arreglarlo.</translation>
    </message>
    <message>
        <source>Save “{title}” as PDF</source>
        <translation>Guardar “{title}” en PDF</translation>
    </message>
    <message>
        <source>There is no clinic to make a call sheet for.</source>
        <translation>No hay ninguna clínica para la que hacer una hoja para la llamada.</translation>
    </message>
    <message>
        <source>Choose a clinic in the list first: the call sheet is for one clinic.</source>
        <translation>Elija primero una clínica de la lista: la hoja para la llamada es para una clínica.</translation>
    </message>
    <message>
        <source>Save the call sheet as PDF</source>
        <translation>Guardar la hoja para la llamada en PDF</translation>
    </message>
    <message>
        <source>kvet call sheet</source>
        <translation>hoja para la llamada kvet</translation>
    </message>
    <message>
        <source>kvet call sheet: {name}</source>
        <translation>Hoja para la llamada de kvet: {name}</translation>
    </message>
    <message>
        <source>Call sheet</source>
        <translation>Hoja para la llamada</translation>
    </message>
    <message>
        <source>The sheet lists every question with boxes to tick.</source>
        <translation>La hoja tiene todas las preguntas con casillas para marcar.</translation>
    </message>
    <message>
        <source>Add my private “things to tell the clinic” at the top</source>
        <translation>Añadir arriba mis “cosas que decirle a la clínica” privadas</translation>
    </message>
    <message>
        <source>From your private pre-screen. Left out unless ticked.</source>
        <translation>De sus temas privados para la clínica. No se incluyen a menos que lo marque.</translation>
    </message>
    <message>
        <source>Save the table for a spreadsheet</source>
        <translation>Guardar la tabla para una hoja de cálculo</translation>
    </message>
    <message>
        <source>kvet table</source>
        <translation>tabla kvet</translation>
    </message>
    <message>
        <source>kvet comparison</source>
        <translation>comparación kvet</translation>
    </message>
    <message>
        <source>Reading and checking the file…</source>
        <translation>Leyendo y revisando el archivo…</translation>
    </message>
</context>
<context>
    <name>Together</name>
    <message>
        <source>The more cautious answer counts</source>
        <translation>Cuenta la respuesta más prudente</translation>
    </message>
    <message>
        <source>The most recent answer counts</source>
        <translation>Cuenta la respuesta más reciente</translation>
    </message>
    <message>
        <source> — they noted: “{note}”</source>
        <translation> — anotó: “{note}”</translation>
    </message>
    <message>
        <source>Deciding together</source>
        <translation>Decidir juntos</translation>
    </message>
    <message>
        <source>kvet keeps each person&apos;s answers. When two of you heard different things, it shows them here, so you can settle them, for example with a second call.</source>
        <translation>kvet guarda las respuestas de cada persona. Cuando dos de ustedes escucharon cosas distintas, las muestra aquí para que puedan resolverlo, por ejemplo con una segunda llamada.</translation>
    </message>
    <message>
        <source>How answers are combine&amp;d:</source>
        <translation>Cómo se com&amp;binan las respuestas:</translation>
    </message>
    <message>
        <source>How answers are combined</source>
        <translation>Cómo se combinan las respuestas</translation>
    </message>
    <message>
        <source>What the rule does</source>
        <translation>Qué hace la regla</translation>
    </message>
    <message>
        <source>Answers that differ</source>
        <translation>Respuestas que no coinciden</translation>
    </message>
    <message>
        <source>Pick one to see both answers and settle it.</source>
        <translation>Elija una para ver las dos respuestas y resolverlo.</translation>
    </message>
    <message>
        <source>Settle it</source>
        <translation>Resolverlo</translation>
    </message>
    <message>
        <source>Both answers</source>
        <translation>Las dos respuestas</translation>
    </message>
    <message>
        <source>Who decides</source>
        <translation>Quién decide</translation>
    </message>
    <message>
        <source>Already settled</source>
        <translation>Ya resuelto</translation>
    </message>
    <message>
        <source>No answers differ between you.</source>
        <translation>No hay respuestas distintas entre ustedes.</translation>
    </message>
    <message>
        <source>1 answer differs between you</source>
        <translation>1 respuesta distinta entre ustedes</translation>
    </message>
    <message>
        <source>{count} answers differ between you</source>
        <translation>{count} respuestas distintas entre ustedes</translation>
    </message>
    <message>
        <source>Me</source>
        <translation>Yo</translation>
    </message>
    <message>
        <source>Your choice is recorded as decided by {name} (change the person under “Answers by”).</source>
        <translation>Su elección se guarda como decidida por {name} (cambie la persona en “Respuestas de”).</translation>
    </message>
    <message>
        <source>Settle as “{answer}”</source>
        <translation>Resolver como “{answer}”</translation>
    </message>
    <message>
        <source>Record “{answer}” as the answer you agreed on for {statement}</source>
        <translation>Guardar “{answer}” como la respuesta que acordaron para {statement}</translation>
    </message>
    <message>
        <source>Record “{answer}” as the answer you agreed on</source>
        <translation>Guardar “{answer}” como la respuesta que acordaron</translation>
    </message>
</context>
<context>
    <name>Translations</name>
    <message>
        <source>A translation file was changed or damaged after kvet was installed, so kvet shows that part in English: {file}. Reinstalling kvet puts the translation back.</source>
        <translation>Un archivo de traducción se cambió o se dañó después de instalar kvet, así que kvet muestra esa parte en inglés: {file}. Si vuelve a instalar kvet, la traducción regresa.</translation>
    </message>
    <message>
        <source>A translation file gives other numbers than the English (a phone number, a dose or a count), so kvet shows that part in English: {file}.</source>
        <translation>Un archivo de traducción da números distintos a los del inglés (un teléfono, una dosis o una cantidad), así que kvet muestra esa parte en inglés: {file}.</translation>
    </message>
    <message>
        <source>A translation file cannot be read, so kvet shows that part in English: {file}. Reinstalling kvet puts the translation back.</source>
        <translation>No se puede leer un archivo de traducción, así que kvet muestra esa parte en inglés: {file}. Si vuelve a instalar kvet, la traducción regresa.</translation>
    </message>
</context>
<context>
    <name>Treatment</name>
    <message>
        <source>A private record of your course, for you and your clinician. kvet never suggests a dose and never tells you to stop or start treatment. It does not give medical advice.</source>
        <translation>Un registro privado de su tratamiento, para usted y su profesional de salud. kvet nunca sugiere una dosis y nunca le dice que deje o empiece un tratamiento. No da consejos médicos.</translation>
    </message>
    <message>
        <source>The first sessions (induction): how many, how often</source>
        <translation>Las primeras sesiones (inducción): cuántas y cada cuánto</translation>
    </message>
    <message>
        <source>How the clinic measures whether it is working</source>
        <translation>Cómo mide la clínica si está funcionando</translation>
    </message>
    <message>
        <source>How sessions are reduced if you improve</source>
        <translation>Cómo se reducen las sesiones si usted mejora</translation>
    </message>
    <message>
        <source>What happens if there is no response</source>
        <translation>Qué pasa si no hay respuesta</translation>
    </message>
    <message>
        <source>Usual review points: after about 6 IV infusions, 2 to 3 weeks in; for esketamine, at the end of the 4-week first phase, when its label asks for the benefit to be evaluated.</source>
        <translation>Puntos de revisión habituales: después de unas 6 infusiones intravenosas, a las 2 o 3 semanas; para la esketamina, al final de la primera fase de 4 semanas, cuando su prospecto pide evaluar el beneficio.</translation>
    </message>
    <message>
        <source>Sessions close together in the first phase are expected, so kvet&apos;s signals wait for it to end. Both numbers were read from the clinic&apos;s answers where they named them.</source>
        <translation>En la primera fase es normal tener sesiones seguidas, por eso las señales de kvet esperan a que termine. Los dos números se tomaron de las respuestas de la clínica, cuando los decían.</translation>
    </message>
    <message>
        <source>My treatment — kvet</source>
        <translation>Mi tratamiento — kvet</translation>
    </message>
    <message>
        <source>My treatment</source>
        <translation>Mi tratamiento</translation>
    </message>
    <message>
        <source>Need help now?</source>
        <translation>¿Necesita ayuda ahora?</translation>
    </message>
    <message>
        <source>Shows crisis lines you can call or text right now. F1 also opens them.</source>
        <translation>Muestra líneas de crisis a las que puede llamar o escribir ahora mismo. F1 también las abre.</translation>
    </message>
    <message>
        <source>Treatment record:</source>
        <translation>Registro del tratamiento:</translation>
    </message>
    <message>
        <source>Start a new record…</source>
        <translation>Empezar un registro nuevo…</translation>
    </message>
    <message>
        <source>Where this record came from</source>
        <translation>De dónde vino este registro</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problema</translation>
    </message>
    <message>
        <source>Parts of the record</source>
        <translation>Partes del registro</translation>
    </message>
    <message>
        <source>&amp;PHQ-9 check-in</source>
        <translation>Cuestionario &amp;PHQ-9</translation>
    </message>
    <message>
        <source>&amp;Each week</source>
        <translation>Cada s&amp;emana</translation>
    </message>
    <message>
        <source>Question 9 answers</source>
        <translation>Respuestas a la pregunta 9</translation>
    </message>
    <message>
        <source>Signals to talk about</source>
        <translation>Señales de las que hablar</translation>
    </message>
    <message>
        <source>How kvet reads these signals</source>
        <translation>Cómo lee kvet estas señales</translation>
    </message>
    <message>
        <source>Save a page for my next appointment (PDF)…</source>
        <translation>Guardar una página para mi próxima cita (PDF)…</translation>
    </message>
    <message>
        <source>Save the log for a spreadsheet (CSV)…</source>
        <translation>Guardar el registro para una hoja de cálculo (CSV)…</translation>
    </message>
    <message>
        <source>&amp;How it is going</source>
        <translation>&amp;Cómo va</translation>
    </message>
    <message>
        <source>What the clinic told you before starting. It was copied from your answers to the four questions before starting; change it whenever the plan changes.</source>
        <translation>Lo que la clínica le dijo antes de empezar. Se copió de sus respuestas a las cuatro preguntas de antes de empezar; cámbielo cada vez que cambie el plan.</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>sin indicar</translation>
    </message>
    <message>
        <source>Review if no response by session</source>
        <translation>Revisar si no hay respuesta para la sesión</translation>
    </message>
    <message>
        <source>The clinic reviews the plan if there is no response by session:</source>
        <translation>La clínica revisa el plan si no hay respuesta para la sesión:</translation>
    </message>
    <message>
        <source>Sessions in the first phase</source>
        <translation>Sesiones en la primera fase</translation>
    </message>
    <message>
        <source>How many sessions the first phase (induction) has:</source>
        <translation>Cuántas sesiones tiene la primera fase (inducción):</translation>
    </message>
    <message>
        <source>P&amp;lan</source>
        <translation>Pla&amp;n</translation>
    </message>
    <message>
        <source>Sessions so far</source>
        <translation>Sesiones hasta ahora</translation>
    </message>
    <message>
        <source>Remove the selected session</source>
        <translation>Quitar la sesión elegida</translation>
    </message>
    <message>
        <source>&amp;Sessions</source>
        <translation>&amp;Sesiones</translation>
    </message>
    <message>
        <source>{clinic} (from {names})</source>
        <translation>{clinic} (de {names})</translation>
    </message>
    <message>
        <source>{clinic} (imported)</source>
        <translation>{clinic} (importado)</translation>
    </message>
    <message>
        <source>Start a record when you begin treatment at a clinic.</source>
        <translation>Empiece un registro cuando comience el tratamiento en una clínica.</translation>
    </message>
    <message>
        <source>Start a new record</source>
        <translation>Empezar un registro nuevo</translation>
    </message>
    <message>
        <source>Which clinic? Choose one or type a name:</source>
        <translation>¿Qué clínica? Elija una o escriba un nombre:</translation>
    </message>
    <message>
        <source>Imported on {day} from a file shared by {names}. It is their record, not yours.</source>
        <translation>Importado el {day} de un archivo que compartió {names}. Es el registro de esa persona, no el suyo.</translation>
    </message>
    <message>
        <source>Imported on {day} from a shared file. It may be someone else&apos;s record.</source>
        <translation>Importado el {day} de un archivo compartido. Puede ser el registro de otra persona.</translation>
    </message>
    <message>
        <source>Worth talking about:</source>
        <translation>Vale la pena hablar de esto:</translation>
    </message>
    <message>
        <source>Nothing in the log calls for a second look.</source>
        <translation>Nada en el registro pide una segunda mirada.</translation>
    </message>
    <message>
        <source>Not raised: {titles}.</source>
        <translation>No aparecen: {titles}.</translation>
    </message>
    <message>
        <source>Start a record first.</source>
        <translation>Primero empiece un registro.</translation>
    </message>
    <message>
        <source>kvet treatment</source>
        <translation>tratamiento kvet</translation>
    </message>
    <message>
        <source>Save a page for my appointment</source>
        <translation>Guardar una página para mi cita</translation>
    </message>
    <message>
        <source>Save the log</source>
        <translation>Guardar el registro</translation>
    </message>
</context>
<context>
    <name>Undo</name>
    <message>
        <source>Answer</source>
        <translation>Responder</translation>
    </message>
    <message>
        <source>Set</source>
        <translation>Anotar</translation>
    </message>
    <message>
        <source>Edit note</source>
        <translation>Editar la nota</translation>
    </message>
    <message>
        <source>Change where an answer came from</source>
        <translation>Cambiar de dónde vino una respuesta</translation>
    </message>
    <message>
        <source>Add clinic</source>
        <translation>Agregar la clínica</translation>
    </message>
    <message>
        <source>Edit clinic</source>
        <translation>Editar la clínica</translation>
    </message>
    <message>
        <source>Remove clinic</source>
        <translation>Quitar la clínica</translation>
    </message>
    <message>
        <source>Create comparison</source>
        <translation>Crear la comparación</translation>
    </message>
    <message>
        <source>Rename comparison</source>
        <translation>Cambiar el nombre de la comparación</translation>
    </message>
    <message>
        <source>Delete comparison</source>
        <translation>Borrar la comparación</translation>
    </message>
    <message>
        <source>Rename person</source>
        <translation>Cambiar el nombre de la persona</translation>
    </message>
    <message>
        <source>Change weights</source>
        <translation>Cambiar los pesos</translation>
    </message>
    <message>
        <source>Change how answers are combined</source>
        <translation>Cambiar cómo se combinan las respuestas</translation>
    </message>
    <message>
        <source>Settle</source>
        <translation>Resolver</translation>
    </message>
    <message>
        <source>Withdraw the decision on</source>
        <translation>Retirar la decisión sobre</translation>
    </message>
    <message>
        <source>Change the treatment plan</source>
        <translation>Cambiar el plan de tratamiento</translation>
    </message>
    <message>
        <source>Add a session</source>
        <translation>Agregar una sesión</translation>
    </message>
    <message>
        <source>Add a PHQ-9</source>
        <translation>Agregar un PHQ-9</translation>
    </message>
    <message>
        <source>Add a mood check</source>
        <translation>Agregar un control del ánimo</translation>
    </message>
    <message>
        <source>Add a therapy or care session</source>
        <translation>Agregar una sesión de terapia o de cuidado</translation>
    </message>
    <message>
        <source>Add a week&apos;s markers</source>
        <translation>Agregar las marcas de una semana</translation>
    </message>
    <message>
        <source>Change an entry</source>
        <translation>Cambiar una entrada</translation>
    </message>
    <message>
        <source>Remove an entry</source>
        <translation>Quitar una entrada</translation>
    </message>
</context>
<context>
    <name>Walkthrough</name>
    <message>
        <source>checked today</source>
        <translation>revisada hoy</translation>
    </message>
    <message>
        <source>checked yesterday</source>
        <translation>revisada ayer</translation>
    </message>
    <message>
        <source>checked {count} days ago</source>
        <translation>revisada hace {count} días</translation>
    </message>
    <message>
        <source>checked {count} months ago</source>
        <translation>revisada hace {count} meses</translation>
    </message>
    <message>
        <source>checked {count} years ago</source>
        <translation>revisada hace {count} años</translation>
    </message>
    <message>
        <source>Whose answers</source>
        <translation>De quién son las respuestas</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progreso</translation>
    </message>
    <message>
        <source>%v of %m steps done</source>
        <translation>%v de %m pasos hechos</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>Secciones</translation>
    </message>
    <message>
        <source>Jump to a section of the checklist.</source>
        <translation>Ir a una sección de la lista de preguntas.</translation>
    </message>
    <message>
        <source>◀ Previous</source>
        <translation>◀ Anterior</translation>
    </message>
    <message>
        <source>Previous question</source>
        <translation>Pregunta anterior</translation>
    </message>
    <message>
        <source>Previous question (Page Up)</source>
        <translation>Pregunta anterior (Re Pág)</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>Siguiente ▶</translation>
    </message>
    <message>
        <source>Next question</source>
        <translation>Pregunta siguiente</translation>
    </message>
    <message>
        <source>Next question (Page Down)</source>
        <translation>Pregunta siguiente (Av Pág)</translation>
    </message>
    <message>
        <source>Call mode…</source>
        <translation>Modo de llamada…</translation>
    </message>
    <message>
        <source>The questions as a script for a phone call.</source>
        <translation>Las preguntas como guion para una llamada.</translation>
    </message>
    <message>
        <source>Choose or add a clinic to walk through its checklist.</source>
        <translation>Elija o añada una clínica para repasar su lista de preguntas.</translation>
    </message>
    <message>
        <source>Walking through: {clinic}</source>
        <translation>Repasando: {clinic}</translation>
    </message>
    <message>
        <source>Tip: edit the clinic and tick the treatments it offers to see the questions that apply only to them.</source>
        <translation>Consejo: edite la clínica y marque los tratamientos que ofrece para ver las preguntas que solo se aplican a ellos.</translation>
    </message>
    <message>
        <source>{section} · step {step} of {steps}</source>
        <translation>{section} · paso {step} de {steps}</translation>
    </message>
    <message>
        <source>Me</source>
        <translation>Yo</translation>
    </message>
    <message>
        <source>Answers are recorded for: {person}</source>
        <translation>Las respuestas se guardan para: {person}</translation>
    </message>
</context>
<context>
    <name>Weekly</name>
    <message>
        <source>This is not a test and it diagnoses nothing. It helps you notice changes worth telling your clinician about.</source>
        <translation>Esto no es una prueba y no diagnostica nada. Le ayuda a notar cambios que vale la pena contarle a su profesional de salud.</translation>
    </message>
    <message>
        <source>Your mood check is saved. You noted:</source>
        <translation>Su control del ánimo está guardado. Usted anotó:</translation>
    </message>
    <message>
        <source>Changes like these are worth telling your clinic about before your next session. Please contact the clinic today if you can, and tell them what you noticed. Only they can say what these signs mean.</source>
        <translation>Vale la pena contarle cambios como estos a su clínica antes de su próxima sesión. Por favor, comuníquese con la clínica hoy si puede, y cuénteles lo que notó. Solo ellos pueden decir qué significan estas señales.</translation>
    </message>
    <message>
        <source>If you feel unsafe, or things feel like too much, you can call or text a crisis line now. The crisis lines are under “Need help now?” in this window, or press F1 at any time.</source>
        <translation>Si se siente en peligro, o si todo le parece demasiado, puede llamar o escribir ahora a una línea de crisis. Las líneas de crisis están en “¿Necesita ayuda ahora?” en esta ventana, o pulse F1 en cualquier momento.</translation>
    </message>
    <message>
        <source>Therapy</source>
        <translation>Terapia</translation>
    </message>
    <message>
        <source>Psychiatrist</source>
        <translation>Psiquiatra</translation>
    </message>
    <message>
        <source>GP or family doctor</source>
        <translation>Médico general o de familia</translation>
    </message>
    <message>
        <source>Support group</source>
        <translation>Grupo de apoyo</translation>
    </message>
    <message>
        <source>Other care</source>
        <translation>Otro cuidado</translation>
    </message>
    <message>
        <source>&amp;Week of:</source>
        <translation>Semana &amp;del:</translation>
    </message>
    <message>
        <source>This week I noticed</source>
        <translation>Esta semana noté</translation>
    </message>
    <message>
        <source>A sign of your own, e.g. “Walked the dog”</source>
        <translation>Una señal suya, p. ej. “Saqué a pasear al perro”</translation>
    </message>
    <message>
        <source>A sign of your own</source>
        <translation>Una señal suya</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Agregar</translation>
    </message>
    <message>
        <source>Add this sign</source>
        <translation>Agregar esta señal</translation>
    </message>
    <message>
        <source>Save this week&apos;s signs</source>
        <translation>Guardar las señales de esta semana</translation>
    </message>
    <message>
        <source>Mood check</source>
        <translation>Control del ánimo</translation>
    </message>
    <message>
        <source>Agitated or on edge much of the time</source>
        <translation>Agitación o nervios de punta gran parte del tiempo</translation>
    </message>
    <message>
        <source>Sleeping much less, without feeling tired</source>
        <translation>Dormir mucho menos, sin sentir cansancio</translation>
    </message>
    <message>
        <source>Racing thoughts, or talking much faster than usual</source>
        <translation>Pensamientos acelerados, o hablar mucho más rápido de lo normal</translation>
    </message>
    <message>
        <source>Other signs of an unusually high mood</source>
        <translation>Otras señales de un ánimo inusualmente alto</translation>
    </message>
    <message>
        <source>Save mood check</source>
        <translation>Guardar el control del ánimo</translation>
    </message>
    <message>
        <source>Therapy and other care</source>
        <translation>Terapia y otros cuidados</translation>
    </message>
    <message>
        <source>Kind of care:</source>
        <translation>Tipo de cuidado:</translation>
    </message>
    <message>
        <source>Add a care session on this date</source>
        <translation>Agregar una sesión de cuidado en esta fecha</translation>
    </message>
    <message>
        <source>About your mood check</source>
        <translation>Sobre su control del ánimo</translation>
    </message>
    <message>
        <source>Show the crisis lines</source>
        <translation>Ver las líneas de crisis</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
</context>
<context>
    <name>WeightsPanel</name>
    <message>
        <source>Move a slider to say how much each part matters to you. The ranking updates as you move it.</source>
        <translation>Mueva una barra para decir cuánto le importa cada parte. El orden de las clínicas cambia mientras la mueve.</translation>
    </message>
    <message>
        <source>How much each part matters</source>
        <translation>Cuánto importa cada parte</translation>
    </message>
    <message>
        <source>Dealbreakers: a clinic with one of these is not recommended</source>
        <translation>Motivos para descartar: no se recomienda una clínica que tenga uno de estos</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Costo</translation>
    </message>
    <message>
        <source>Score clinics against m&amp;y budget</source>
        <translation>Calificar las clí&amp;nicas según mi presupuesto</translation>
    </message>
    <message>
        <source>Bu&amp;dget for the first year:</source>
        <translation>Presupuest&amp;o para el primer año:</translation>
    </message>
    <message>
        <source>Budget for the first year</source>
        <translation>Presupuesto para el primer año</translation>
    </message>
    <message>
        <source>$ </source>
        <translation>$ </translation>
    </message>
    <message>
        <source>Sessions in the first phase, if the clinic did not say:</source>
        <translation>Sesiones en la primera fase, si la clínica no lo dijo:</translation>
    </message>
    <message>
        <source>Sessions in the first phase</source>
        <translation>Sesiones en la primera fase</translation>
    </message>
    <message>
        <source>Sessions a month after that:</source>
        <translation>Sesiones al mes después de eso:</translation>
    </message>
    <message>
        <source>Sessions a month after the first phase</source>
        <translation>Sesiones al mes después de la primera fase</translation>
    </message>
    <message>
        <source>Advanced: weight of each &amp;question</source>
        <translation>Avan&amp;zado: peso de cada pregunta</translation>
    </message>
    <message>
        <source>Reset to the &amp;usual weights</source>
        <translation>Resta&amp;blecer los pesos de siempre</translation>
    </message>
    <message>
        <source>Weight of each question</source>
        <translation>Peso de cada pregunta</translation>
    </message>
    <message>
        <source>Change how much a single question counts. 0 means it does not count.</source>
        <translation>Cambie cuánto cuenta una sola pregunta. 0 quiere decir que no cuenta.</translation>
    </message>
    <message>
        <source>kvet suggests this as a dealbreaker.</source>
        <translation>kvet sugiere esto como motivo para descartar.</translation>
    </message>
    <message>
        <source>You chose this as a dealbreaker.</source>
        <translation>Usted eligió esto como motivo para descartar.</translation>
    </message>
    <message>
        <source>kvet suggests this as a dealbreaker; you chose not to count it.</source>
        <translation>kvet sugiere esto como motivo para descartar; usted eligió no contarlo.</translation>
    </message>
    <message>
        <source>Dealbreaker: {question}</source>
        <translation>Motivo para descartar: {question}</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Peso</translation>
    </message>
    <message>
        <source>What matters most to you</source>
        <translation>Lo que más le importa</translation>
    </message>
    <message>
        <source>How much {section} matter</source>
        <translation>Cuánto importa: {section}</translation>
    </message>
    <message>
        <source>The ones ticked at first are kvet&apos;s suggestion. Change any of them: what you change is marked as your choice. A dealbreaker counts whatever its weight.</source>
        <translation>Las que aparecen marcadas al principio son sugerencias de kvet. Cambie las que quiera: lo que cambie se marca como su elección. Un motivo para descartar cuenta sea cual sea su peso.</translation>
    </message>
</context>
</TS>
