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
        <source>kvet is for education and decision support. It is not medical advice. Decisions about treatment belong with a qualified clinician who knows your history.</source>
        <translation>kvet sirve para informarse y para ayudar a decidir. No es un consejo médico. Las decisiones sobre el tratamiento se toman con un profesional de la salud calificado que conozca su historia.</translation>
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
        <source>Sources</source>
        <translation>Fuentes</translation>
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
        <source>&amp;Rename comparison…</source>
        <translation>Cambiar el nombre de la comparació&amp;n…</translation>
    </message>
    <message>
        <source>&amp;Delete comparison</source>
        <translation>&amp;Borrar la comparación</translation>
    </message>
    <message>
        <source>Open the &amp;sample comparison</source>
        <translation>Abrir la comparación de &amp;ejemplo</translation>
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
        <translation>Guardar el &amp;informe en PDF…</translation>
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
        <source>Save &amp;call sheet as PDF…</source>
        <translation>Guardar la &amp;hoja para la llamada en PDF…</translation>
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
        <source>Save questions for your own &amp;psychiatrist as PDF…</source>
        <translation>Guardar preguntas para su &amp;psiquiatra en PDF…</translation>
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
        <translation>Su &amp;país…</translation>
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
    <name>Answers</name>
    <message>
        <source>Not seen</source>
        <translation>No lo vi</translation>
    </message>
    <message>
        <source>Seen</source>
        <translation>Lo vi</translation>
    </message>
    <message>
        <source>Not sure</source>
        <translation>No lo sé</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Clear answer</source>
        <translation>Respuesta clara</translation>
    </message>
    <message>
        <source>Vague answer</source>
        <translation>Respuesta vaga</translation>
    </message>
    <message>
        <source>Would not answer</source>
        <translation>No quiso responder</translation>
    </message>
    <message>
        <source>Not asked yet</source>
        <translation>Aún no lo pregunté</translation>
    </message>
    <message>
        <source>Not answered</source>
        <translation>Sin respuesta</translation>
    </message>
</context>
<context>
    <name>ClinicDialog</name>
    <message>
        <source>Clinic</source>
        <translation>Clínica</translation>
    </message>
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
        <source>Clinic</source>
        <translation>Clínica</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Puntaje</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Respondidas</translation>
    </message>
    <message>
        <source>Red flags</source>
        <translation>Señales de alerta</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Not recommended</source>
        <translation>No recomendada</translation>
    </message>
    <message>
        <source>Place can&apos;t change</source>
        <translation>El puesto no puede cambiar</translation>
    </message>
    <message>
        <source>Place could change</source>
        <translation>El puesto puede cambiar</translation>
    </message>
    <message>
        <source>No score</source>
        <translation>Sin puntaje</translation>
    </message>
    <message>
        <source> and {count} more</source>
        <translation> y {count} más</translation>
    </message>
    <message>
        <source>red flag seen: “{statement}”</source>
        <translation>señal de alerta vista: “{statement}”</translation>
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
        <source>United States</source>
        <translation>Estados Unidos</translation>
    </message>
    <message>
        <source>Canada</source>
        <translation>Canadá</translation>
    </message>
    <message>
        <source>United Kingdom</source>
        <translation>Reino Unido</translation>
    </message>
    <message>
        <source>Ireland</source>
        <translation>Irlanda</translation>
    </message>
    <message>
        <source>Australia</source>
        <translation>Australia</translation>
    </message>
    <message>
        <source>New Zealand</source>
        <translation>Nueva Zelanda</translation>
    </message>
    <message>
        <source>Another country</source>
        <translation>Otro país</translation>
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
        <source>What the clinic said</source>
        <translation>Lo que dijo la clínica</translation>
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
        <source>Sources: {titles}</source>
        <translation>Fuentes: {titles}</translation>
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
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>kvet</source>
        <translation>kvet</translation>
    </message>
    <message>
        <source>&amp;Comparison:</source>
        <translation>&amp;Comparación:</translation>
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
        <source>&amp;Answers by:</source>
        <translation>Res&amp;puestas de:</translation>
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
        <translation>&amp;Agregar clínica…</translation>
    </message>
    <message>
        <source>Add a clinic you are considering.</source>
        <translation>Agregue una clínica que está considerando.</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Editar…</translation>
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
        <source>In order of expected score: each open question counts as half good, half bad until it is answered, and a clinic with a dealbreaker seen comes after all the others.</source>
        <translation>Por orden de puntaje esperado: cada pregunta abierta cuenta como mitad buena y mitad mala hasta que se responde, y una clínica en la que se vio un motivo para descartar queda detrás de todas las demás.</translation>
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
</context>
<context>
    <name>People</name>
    <message>
        <source>Me</source>
        <translation>Yo</translation>
    </message>
</context>
<context>
    <name>Progress</name>
    <message>
        <source>{answered} of {questions} question answered</source>
        <translation>{answered} de {questions} pregunta respondida</translation>
    </message>
    <message>
        <source>{answered} of {questions} questions answered</source>
        <translation>{answered} de {questions} preguntas respondidas</translation>
    </message>
    <message>
        <source>, {given} of {facts} fact</source>
        <translation>, {given} de {facts} dato</translation>
    </message>
    <message>
        <source>, {given} of {facts} facts</source>
        <translation>, {given} de {facts} datos</translation>
    </message>
</context>
<context>
    <name>Ranking</name>
    <message>
        <source>Place {rank}: a clinic with a dealbreaker seen comes after every clinic without one, whatever its score.</source>
        <translation>Puesto {rank}: una clínica en la que se vio un motivo para descartar queda detrás de todas las que no tienen ninguno, sea cual sea su puntaje.</translation>
    </message>
    <message>
        <source>Place {rank} for now: answers still to come could change it.</source>
        <translation>Puesto {rank} por ahora: las respuestas que faltan podrían cambiarlo.</translation>
    </message>
    <message>
        <source>its score could still end anywhere from {low} to {high}</source>
        <translation>su puntaje aún podría quedar en cualquier punto entre {low} y {high}</translation>
    </message>
    <message>
        <source>The only clinic so far; {could_end}.</source>
        <translation>La única clínica por ahora; {could_end}.</translation>
    </message>
    <message>
        <source>Place {rank} whatever the answers still to come, because the other clinics are ruled out. That says nothing about how good this clinic is: {could_end}.</source>
        <translation>Puesto {rank} sean cuales sean las respuestas que faltan, porque las otras clínicas están descartadas. Eso no dice nada de lo buena que es esta clínica: {could_end}.</translation>
    </message>
    <message>
        <source>Place {rank} whatever the answers still to come: every question is answered.</source>
        <translation>Puesto {rank} sean cuales sean las respuestas que faltan: todas las preguntas tienen respuesta.</translation>
    </message>
    <message>
        <source>Place {rank} whatever the answers still to come: no other clinic&apos;s score can cross this one&apos;s. That is about the order only: {could_end}.</source>
        <translation>Puesto {rank} sean cuales sean las respuestas que faltan: el puntaje de ninguna otra clínica puede cruzar el de esta. Eso trata solo del orden: {could_end}.</translation>
    </message>
</context>
<context>
    <name>Sample</name>
    <message>
        <source>Sample comparison (fictional clinics)</source>
        <translation>Ejemplo (clínicas inventadas)</translation>
    </message>
    <message>
        <source>Clinic {letter} (fictional)</source>
        <translation>Clínica {letter} (inventada)</translation>
    </message>
    <message>
        <source>This clinic is made up, to show how kvet works. Delete it whenever you like.</source>
        <translation>Esta clínica es inventada, para mostrar cómo funciona kvet. Bórrela cuando quiera.</translation>
    </message>
    <message>
        <source>Six infusions over two and a half weeks (made up for the sample).</source>
        <translation>Seis infusiones en dos semanas y media (inventado para el ejemplo).</translation>
    </message>
    <message>
        <source>PHQ-9 before the first session and every two weeks.</source>
        <translation>PHQ-9 antes de la primera sesión y cada dos semanas.</translation>
    </message>
    <message>
        <source>Weekly, then every two weeks, if the gains hold.</source>
        <translation>Cada semana, y luego cada dos semanas si la mejoría se mantiene.</translation>
    </message>
    <message>
        <source>A review with the psychiatrist if there is no response by session 6.</source>
        <translation>Una revisión con el psiquiatra si no hay respuesta para la sesión 6.</translation>
    </message>
    <message>
        <source>IV infusion</source>
        <translation>Infusión en la vena</translation>
    </message>
    <message>
        <source>Same as last time, the nurse said</source>
        <translation>La misma que la vez pasada, dijo la enfermera</translation>
    </message>
    <message>
        <source>Sample session</source>
        <translation>Sesión de ejemplo</translation>
    </message>
    <message>
        <source>Therapy</source>
        <translation>Terapia</translation>
    </message>
    <message>
        <source>Getting out of bed more easily</source>
        <translation>Levantarse de la cama con menos esfuerzo</translation>
    </message>
    <message>
        <source>Cooking a meal</source>
        <translation>Cocinar una comida</translation>
    </message>
</context>
<context>
    <name>Walkthrough</name>
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
        <source>&amp;Score clinics against my budget</source>
        <translation>&amp;Calificar las clínicas según mi presupuesto</translation>
    </message>
    <message>
        <source>&amp;Budget for the first year:</source>
        <translation>&amp;Presupuesto para el primer año:</translation>
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
        <source>Ad&amp;vanced: weight of each question</source>
        <translation>A&amp;vanzado: peso de cada pregunta</translation>
    </message>
    <message>
        <source>&amp;Reset to the usual weights</source>
        <translation>&amp;Volver a los pesos de siempre</translation>
    </message>
    <message>
        <source>Weight of each question</source>
        <translation>Peso de cada pregunta</translation>
    </message>
    <message>
        <source>Change how much a single question counts. 0 means it does not count.</source>
        <translation>Cambie cuánto cuenta una sola pregunta. 0 quiere decir que no cuenta.</translation>
    </message>
</context>
</TS>
