"""Stage 1: give each line of an article a role (reading the file is inputs.py).

The decoded text is kept exactly as read (offsets point into it). Lines are
classified with patterns that hold across outlets: photo captions and credits,
agency bylines, comment prompts, related-link lines, adverts, a title repeated
on the next line. These patterns are ours because no library classifies plain
text lines of news copy (trafilatura does it for HTML, whose markup tells it).
"""
from __future__ import annotations

import re
from reporter.model import BODY, BOILERPLATE, CAPTION, HEADING, TITLE, Line, Published
from reporter.text.lexicon import AGENCIES, PICTURE_AGENCIES
from reporter.text.dates import DAY, MONTHS_EN, MONTHS_ES, WEEKDAYS_EN, WEEKDAYS_ES, mentions

_LINE = re.compile(r"[^\r\n]+")
# Text and picture agencies (text/lexicon.py), longest spellings first so "AP Photo" is one credit.
_AGENCIES = "|".join(sorted({*(p for ps in AGENCIES.values() for p in ps.split("|")), *PICTURE_AGENCIES},
                            key=lambda p: (-len(p), p)))
# A whole line (or sentence) that is only an agency name or credit: "AFP", "(EFE)".
LONE_CREDIT = re.compile(rf"^\W*(?:{_AGENCIES})(?:\s*[/,]\s*(?:{_AGENCIES}))*\W*$")
# A photo caption: ends (or starts) with a credit such as "(Foto de archivo: Reuters)",
# "(Photo: AP)", "Foto: EFE", "Credit: Getty Images", "/ SPUTNIK / AFP)".
_CREDIT = re.compile(
    r"(?:\(\s*(?:foto|fotos|fotografía|imagen|photo|photograph|picture|image|archivo|crédito|credit|video)\b[^()]*\)"
    r"|\b(?:foto|fotografía|imagen|photo|photograph|picture|image|credit|crédito)s?\s*:\s*[^.]{0,80}$"
    r"|(?<!\w)(?:" + _AGENCIES + r")(?:-(?:" + _AGENCIES + r"))?\s*/\s*[A-ZÁÉÍÓÚÑ][^\W\d_]+(?:[ .'-]{1,2}[^\W\d_]+){0,4}"
    r"(?:\s*/\s*(?:file photo|foto de archivo|archivo|archive|handout|pool))?\s*$"
    r"|^\W*(?:file photo|foto de archivo|archive photo|handout photo)\s*:"
    r"|[/|]\s*(?:" + _AGENCIES + r")(?:\s*\))?\s*$"  # "... / AFP)", "Imagen de archivo del Congreso. | EFE"
    # the agency, then the photographer or "archive": "(Europa Press/Jesús Hellín)", "EUROPA PRESS - Archivo"
    r"|\(\s*(?:" + _AGENCIES + r")\s*/\s*[^()/]{1,60}\)\s*$"
    r"|(?<!\w)(?:" + _AGENCIES + r")\s*[-–—/]\s*(?:archivo|archive|file|handout)\s*\)?\s*$)\s*$",  # one run of spaces, one quantifier
    re.IGNORECASE,
)
# Lines that are site furniture rather than reporting: a cue at the start of the line, as
# a whole word (case-insensitive). See _is_furniture for when a line that starts with one is
# still reporting.
_FURNITURE = re.compile(
    r"^\W*(?:deja (?:un|tu) comentario|dejá tu comentario|leave a (?:comment|reply)|comentarios?$|comments?$"
    r"|ver comentarios|view comments|show comments"
    r"|pod[ée]s leer|puedes leer|lee también|leé también|lea también|te puede interesar|le puede interesar"
    r"|te recomendamos|recomendamos|mir[aá] también|ver también|ver más|más noticias|noticias relacionadas"
    r"|más información:|relacionad[oa]s?:|seguir leyendo|sigue leyendo|siga leyendo|tambi[eé]n te puede"
    r"|also read|read more|read also|related(?: articles| stories| coverage| content)?:|see also|more on this"
    r"|recommended|watch:|video:|listen:|escucha:|galería|gallery|photo gallery|image caption|image source"
    r"|media caption|continue reading|click here|haz clic|hacé clic|pulsa aquí|suscr[ií]bete|suscribite"
    r"|subscribe|sign up|newsletter|recib[eí] (?:las|nuestras|nuestro)|únete|unite a|join our"
    r"|publicidad\W*$|anuncio\W*$|advertisement\b|advertising\W*$|sponsored|contenido patrocinado|patrocinado\W*$"
    r"|ads by|continúa leyendo|continua leyendo|contin[uú]a después de la publicidad|recomendados?\W*$"
    r"|más información\W*$|mas informacion\W*$|ver más noticias|más leídas|lo más leído|most read|trending"
    r"|compartir|comparte|share (?:this|on)|follow us|síguenos|seguinos|etiquetas:|tags:|temas:|archivado en"
    r"|topics:|our standards|reporting by|additional reporting|editing by|writing by|con información de"
    r"|actualizado:|updated:|publicado:|published:|last updated"
    # page tools and reader prompts: listen, save, print, copy the link, the app, the paywall, the comments
    r"|escuchar (?:la |esta )?noticia|escucha (?:la |esta )?noticia|listen to (?:this |the )?(?:article|story)"
    r"|tiempo de lectura|lectura:\s*\d|\d{1,3}\s*min(?:utos?)?\.? (?:de lectura|read)|reading time"
    r"|guardar\W*$|save\W*$|print\W*$|imprimir\W*$|copiar (?:el )?enlace|copy (?:the )?link|enviar por (?:e-?mail|correo)"
    r"|story continues (?:below|after)|supported by\W*$|descarga (?:nuestra|la) app|download (?:our|the) app"
    r"|reg[ií]strate|(?:este|esta) (?:contenido|artículo|noticia) es exclusiv[oa]|exclusivo para suscriptores|(?:for )?subscribers only"
    r"|inicia sesión|log in to|ver galería|view gallery|más sobre este tema|more (?:about|on) this (?:topic|story)"
    r"|sigue a .{1,40} en google|follow .{1,40} on google|últimas noticias\W*$|lo último\W*$|última hora\W*$"
    r"|en directo\W*$|live\W*$|recomendado por|comenta (?:esta|la) noticia|\d+ comentarios?\W*$|\d+ comments?\W*$"
    r"|comentarios?\s*\(\d+\)\W*$|comments?\s*\(\d+\)\W*$"
    # comment prompts in other words: "Comment on this story", "Join the conversation", "Have your say"
    r"|comment on this (?:story|article|post|report)|join the (?:conversation|discussion|debate)|add (?:a|your) comment"
    r"|post a comment|have your say|únete a la conversación|participa en (?:la conversación|el debate)"
    r"|(?:escribe|añade|deja) (?:un|tu) comentario"
    # a cookie banner's buttons, each alone on its line
    r"|(?:aceptar|rechazar)(?: todas?| todo| cookies)?\W*$|(?:accept|reject)(?: all| cookies)?\W*$"
    r"|(?:configurar|gestionar)(?: cookies| preferencias)?\W*$|manage (?:preferences|cookies|options)\W*$|cookie settings\W*$"
    r"|ver (?:todos )?los comentarios|ir a (?:los )?comentarios|cargando\W*$|loading\W*$"
    r"|you (?:might|may) also (?:like|be interested)|read next|up next|watch now|related topics"
    r"|reporte de error|report an error|fe de errores|most popular|editor'?s picks|keep reading"
    r"|content from our partners|paid content|patrocinado por|otras noticias|también te puede interesar"
    r"|hace \d+ (?:horas?|minutos?|días?)\W*$|\d+ (?:hours?|minutes?|days?) ago\W*$"
    # the second HTML red team: a lone "Share" button, a gallery's counter ("Foto 3 de 12", "Image 2 of 8"),
    # a ranking of the most viewed or shared stories
    # a share box's buttons, one network to a line ("Facebook", "X", "WhatsApp", "Email")
    r"|(?:facebook|twitter|x|whatsapp|linkedin|telegram|pinterest|reddit|e-?mail|flipboard|messenger|bluesky)\W*$"
    r"|share\W*$|(?:foto|fotografía|imagen|image|photo|picture|slide|diapositiva)\s+\d{1,3}\s+(?:de|of)\s+\d{1,3}\W*$"
    r"|lo más visto|más vistos?|lo más compartido|más compartid[oa]s|most viewed|most shared|most watched"
    # a recommendation widget's label: "Promocionado por Taboola", "Promoted stories", "You may like"
    r"|promocionado por|promoted by|promoted (?:stories|content|links)|you may like|te puede gustar|around the web"
    # a live page's controls and a player's buttons, each alone on its line: "Key events", "Show key events
    # only", "Pinned post", "Please turn on JavaScript", "View image in fullscreen", "Skip past newsletter
    # promotion", "Reuse this content", "Ampliar", "Reproducir", "Más en Sociedad"; a short relative stamp "2h ago"
    # a page's tools and account prompts, each alone on its line (a page copied whole keeps them)
    r"|enlace copiado|escucha este artículo|tamaño de (?:la )?letra|lee sin anuncios|ya (?:soy|eres) suscriptor"
    r"|esta funcionalidad es (?:sólo|solo|exclusiva) para|regístrate gratis|gift this article|share full article"
    r"|save (?:this )?article\W*$|open in (?:the )?app\W*$|sign in\W*$|read \d+ comments|ver \d+ comentarios"
    r"|mostrar comentarios|scroll to continue|(?:hide|toggle|show) caption\W*$|enlarge this image"
    r"|(?:me gusta|seguir|follow|close|cerrar|menu|menú|search|buscar|enviar|correo)\W*$"
    r"|\d{1,2}:\d\d\s*/\s*\d{1,2}:\d\d\W*$"  # a player's position and length: "0:00 / 3:24"
    r"|key events\W*$|show key events|pinned post\W*$|(?:please )?(?:turn on|enable|activa) javascript"
    r"|view image in fullscreen|skip past newsletter|after newsletter promotion|explore more on these topics"
    r"|reuse this content|relive our live|noticia relacionada\W*$|ampliar\W*$|cerrar\W*$|reproducir\W*$"
    r"|(?:ver )?v[ií]deo\W*$|watch video\W*$|más en [\w ]{1,30}$|more (?:from|on) [\w ]{1,30}$"
    r"|\d{1,3}\s?(?:h|hr|hrs|m|min|mins|d)\s+ago\W*$|hace \d{1,3}\s?(?:h|min|d)\W*$"
    r"|todos los derechos reservados|all rights reserved|copyright|©)"
    r"(?:(?<=\W)|(?!\w))",  # a whole word: "Subscribers", "Comparten" are not "subscribe", "comparte"
    re.IGNORECASE,
)
# A rights line is furniture wherever the notice stands in it: "Copyright 2023 El País. Todos los derechos reservados."
_RIGHTS = re.compile(r"©|\(c\)\s*\d{4}|copyright\s+(?:©|\(c\)|\d{4})|todos los derechos reservados|all rights reserved",
                     re.IGNORECASE)
# Calls to action: furniture however long the line (reporting does not start with them).
_CALL = re.compile(
    r"^\W*(?:suscr[ií]bete|suscribite|subscribe|sign up|únete|unite a|join our|haz clic|hacé clic|pulsa aquí"
    r"|click here|síguenos|seguinos|follow us|deja (?:un|tu) comentario|dejá tu comentario|leave a (?:comment|reply)"
    r"|recib[eí] (?:las|nuestras|nuestros?|gratis|cada|todas|el bolet[ií]n|la newsletter)|share (?:this|on)"
    r"|descarga (?:nuestra|la) app|download (?:our|the) app|hazte (?:socio|suscriptor|mecenas)"
    r"|ap[uú]ntate|ap[uú]ntese|inscr[ií]bete|¿te ha (?:resultado útil|gustado|sido útil)|¿te ha parecido"
    r"|was this (?:article |story )?(?:helpful|useful)|did you (?:find|enjoy) this|get our newsletter"
    # pointers and notes of the newsroom, not reporting: "Lee la noticia completa", "Consulta aquí...",
    # "Esta noticia se está actualizando", "This is a developing story", "Have a news tip?", social embeds
    r"|lee la noticia completa|read the full (?:story|article|report) (?:here|on|at)|consult[ae] aquí|get the latest"
    r"|(?:haga|hagan|hacé|pulse|pulsa|toca|toque|tap|presione) (?:clic |click )?(?:aquí|here)"
    r"|follow (?:our|the) live (?:coverage|updates|blog)|sigue en vivo|sigue (?:nuestra|la) cobertura"
    r"|comparte (?:esta|la) (?:noticia|nota|información|historia)|d[ée]janos (?:tu|su) (?:comentario|opinión)"
    r"|(?:qu[ée] opinas|qu[ée] opina usted|what do you think)\?\s*(?:leave|share|tell|d[ée]janos|cu[ée]ntanos|comenta|escr[ií]benos)"
    r"|noticias? relacionadas?\s*:|art[ií]culos? relacionados?\s*:|related (?:story|stories|article|coverage)\s*:"
    # a translation or correction note: "Una versión anterior de esta nota decía que murieron 40 personas."
    # states a figure that is not the story's, and would be set against the other source's
    r"|(?:este|esta) (?:artículo|noticia|texto|nota) (?:fue|ha sido) traducid[oa]|this (?:article|story) (?:was|has been) translated"
    r"|una versión anterior de (?:esta|este) (?:nota|noticia|artículo|texto|información)"
    r"|an earlier version of this (?:story|article|report)|correction\s*:|corrección\s*:|fe de erratas"
    # the newsroom's notes on the copy itself: "Editor's note: ...", "This article was amended on 2 December to
    # correct ...", "Esta noticia ha sido corregida ...": a stale figure in one was flagged as a claim
    r"|editor'?s note\s*:|note to readers\s*:|nota del? (?:editor|la redacción|redacción)\s*:"
    r"|this (?:article|story|report|piece) (?:was|has been) (?:amended|corrected|changed|edited)\b"
    r"|(?:este|esta) (?:artículo|noticia|texto|información|nota) (?:fue|ha sido) (?:corregid[oa]|modificad[oa]|rectificad[oa])"
    # a live blog's greeting, opening and closing lines: the outlet speaks of its own coverage ("Buenos días.
    # Arrancamos este directo para seguir minuto a minuto...", "Welcome to our live coverage of ...")
    r"|(?:(?:buen[oa]s (?:días|tardes|noches)|hola|good (?:morning|afternoon|evening)|hello)\W+(?:y |and )?)?"
    r"(?:(?:arrancamos|comenzamos|empezamos|abrimos|iniciamos|cerramos|terminamos|finalizamos|damos por (?:terminado|finalizado|cerrado))"
    r" (?:este|nuestro|el) (?:directo|minuto a minuto|seguimiento en directo|blog en directo)"
    r"|bienvenid[oa]s? a (?:este|nuestro) (?:directo|minuto a minuto|seguimiento)"
    r"|welcome to (?:our|the|this) live|(?:this|our) live (?:blog|coverage|page) (?:has|is) (?:now )?(?:ended|closed|paused)"
    r"|we(?:'re| are|'ll| will) (?:now )?(?:pausing|ending|closing|wrapping up) (?:our|this|the) live)"
    r"|así te lo hemos contado|here'?s how (?:it|the day|events) unfolded"
    r"|más información en|si quieres recibir|si te ha (?:interesado|gustado)|si (?:le|te) interesa (?:esta|este)"
    r"|(?:este|esta) (?:artículo|noticia|texto) (?:se publicó|fue publicad[oa]) originalmente"
    r"|this (?:article|story) (?:was )?(?:originally|first) (?:published|appeared)"
    r"|(?:esta|la) (?:noticia|información) (?:se está actualizando|se actualizará|está en (?:desarrollo|actualización)"
    r"|ha sido actualizada|fue actualizada)|noticia en (?:desarrollo|actualización)|información en (?:desarrollo|actualización)"
    r"|this (?:is a )?(?:developing|breaking) (?:news )?story|this (?:story|article) (?:has been|was|will be|is being) updated"
    r"|breaking news\W*$|última hora\W*$|developing story\W*$"
    # the rest of a newsletter box: "Get the day's top stories in your inbox every weekday", "Recibe de lunes
    # a viernes las claves del día en tu bandeja de entrada", "By signing up you agree to our privacy policy"
    r"|(?:get|receive)\b[^.!?\n]{0,80}\b(?:in|to) your inbox|recib[eií]\w*\b[^.!?\n]{0,80}\ben tu (?:correo|bandeja de entrada|e-?mail|buzón)"
    r"|by signing up|al (?:suscribirte|registrarte|darte de alta)|you can unsubscribe|puedes darte de baja"
    r"|have a (?:news )?tip|¿tienes (?:una|alguna) (?:denuncia|pista|historia|información)|escr[ií]benos|write to us"
    r"|email us|contact the (?:author|reporter)|contacta con (?:el|la) (?:autor|autora|redacción)"
    r"|ver esta publicación en|view this post on|una publicación compartida por|a post shared by|pic\.twitter\.com"
    r"|sigue toda la (?:información|actualidad|última hora)|sigue la última hora|sigue en directo"
    r"|press\W+enter\W+to\s+skip|(?:skip|jump)\s+to\s+(?:the\s+)?(?:main\s+)?content"
    r"|(?:saltar|ir|pasar)\s+al\s+contenido)(?!\w)",  # accessibility skip links
    re.IGNORECASE,
)
# Who wrote, edited or supplied the copy: "Additional reporting by Jane Doe in London.", "Con información
# de Europa Press y EFE.", "Edited by John Roe.": a credit up to CREDIT_WORDS words, sentence or not.
_CREDIT_LINE = re.compile(
    r"^\W*(?:additional reporting|reporting by|with reporting (?:from|by)|editing by|edited by|writing by"
    r"|con información de|con informaci[oó]n de agencias|información de agencias|fuentes?:|source:"
    r"|sources?:|texto:|text:|edición:|edición de|redacción:|agencias:"
    r"|(?:esta|la) (?:información|noticia|nota) (?:ha sido|fue) (?:elaborada|redactada|escrita) con"
    r"|[^.]{1,80}? contributed (?:to )?(?:this|the) (?:report|story|article)|[^.]{1,80}? contributed reporting"
    r"|[^.]{1,80}? contribuyeron (?:a|con) (?:esta|este) (?:información|nota|reportaje|noticia)"
    r"|this (?:story|article|report) (?:was|has been) (?:produced|written|prepared) (?:with|in partnership)"
    r"|this article contains reporting (?:from|by))", re.IGNORECASE)
CREDIT_WORDS = 16
# A social-media embed's signature: "— Protección Civil (@proteccioncivil) March 12, 2026".
_EMBED = re.compile(r"^[—–-]\s*[^()\n]{1,60}\(@\w{1,30}\)")
# Other furniture lines are short; a line this long that ends like a sentence is a claim.
FURNITURE_WORDS = 6
_SENTENCE_END = re.compile(r"[.!?…][\"'»”’)\]]*\s*$")
# A byline: "Por María López", "By John Smith and Jane Doe" (a short line, names only).
# Every pattern here runs on article text, so none may backtrack without bound: a name
# ends where its letters end (the lookahead), and the spaces between names belong to one
# quantifier only, so a line matches in one way or fails fast ("By " + "A" * 60 + "!" took
# minutes when a run of capitals could be cut into eight names in millions of ways).
_BYLINE = re.compile(r"^(?:[Pp]or|[Bb]y|BY|POR|[Ee]scrito por|[Ww]ritten by|[Pp]ublicado por|[Pp]osted by)\s+"
                     r"(?:[A-ZÁÉÍÓÚÑ][\w'’.-]+(?![\w'’.-])\s*(?:(?:,|y|and|&)\s*)?){1,8}$")
# A line that is only a date or time stamp: "15 de agosto de 2023", "Aug. 15, 2023 10:32 a.m. ET".
# Only short lines are tried (STAMP_CHARS): the pattern's runs of digits and spaces can be
# divided in many ways, and a 99,000-character line of them took minutes to refuse.
STAMP_CHARS = 120
_STAMP = re.compile(
    r"^[\W\d]*(?:(?:lunes|martes|miércoles|jueves|viernes|sábado|domingo|monday|tuesday|wednesday|thursday"
    r"|friday|saturday|sunday)\W*)?\d{1,2}(?:\s+de)?\s+\w+\.?(?:\s+de)?\s+\d{4}[\s\d:.,apmAPMhsET-]*$"
    r"|^\w+\.?\s+\d{1,2},\s+\d{4}[\s\d:.,apmAPMET-]*$|^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}[\s\d:hs-]*$"
)
# More stamps (the second HTML red team; kept apart so _STAMP still decides as the pattern
# tests/test_hostile_input.py pins): a weekday capitalised or abbreviated ("Mon 1 Dec 2026 07.00",
# "Lunes, 15 de agosto de 2023 10:32"), a place before the day ("Madrid - 12 MAR 2026 - 14:32"), a clock
# time alone, a live blog's entry stamp ("14:32", "14.32 h", "2:32 p.m."). Tried on short lines only.
_MORE_STAMP = re.compile(
    r"^(?:[A-ZÁÉÍÓÚÑ][^\W\d_]+(?:[ .'][A-ZÁÉÍÓÚÑ][^\W\d_]+){0,2}\s[-–—|·]\s)?[\W\d]*(?:(?i:lunes|martes|miércoles"
    r"|jueves|viernes|sábado|domingo|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu"
    r"|thur|thurs|fri|sat|sun|lun|mar|mié|jue|vie|sáb|dom)\.?\W*)?\d{1,2}(?:\s+de)?\s+\w+\.?(?:\s+de)?\s+\d{4}"
    r"[\s\d:.,apmAPMhsET-]*$"
    r"|^\W{0,2}(?:[0-2]?\d:[0-5]\d(?:\s?(?:h|hs|horas|[ap]\.?\s?m\.?))?|[0-2]?\d\.[0-5]\d\s?(?:h|hs|horas|[ap]\.?\s?m\.?))\W{0,2}$"
)


def _is_stamp(s: str) -> bool:
    """A line that is only a date or time stamp (its time zone aside), the place it was filed from before
    it or not ("Almedina del Río, 13 de octubre de 2026, 11:40", "WASHINGTON, Oct. 13, 2026, 9:40 a.m.")."""
    if len(s) > STAMP_CHARS:
        return False
    bare = _ZONE.sub("", s)
    if _STAMP.match(bare) or _MORE_STAMP.match(bare) or (bare != s and _ZONED_CLOCK.fullmatch(bare)):
        return True
    place = _FILED_FROM.match(bare)
    rest = re.sub(r"\s*[|·]\s*", " ", bare[place.end():]) if place else ""
    return bool(rest) and bool(_STAMP.match(rest) or _MORE_STAMP.match(rest))


# The place a stamp was filed from, before it: capitalised words and their joiners, then a comma, a bar or a
# dash ("Almedina del Río, ", "Tlacoyan, ", "WASHINGTON, "). The fourth red team's pages lost their
# publication date to it: the line was a heading, or a claim with a date and a time.
_FILED_FROM = re.compile(r"^(?:[A-ZÁÉÍÓÚÑ][\w'’.-]*)(?:\s+(?:[A-ZÁÉÍÓÚÑ][\w'’.-]*|de|del|la|las|los|el|do|da)){0,5}"
                         r"\s*[,|–—-]\s+")
# A line that is only a web address: a page copied with its address bar, a link under the text. ECB+ pages
# (read in place) open with theirs; it stood as the standfirst.
_LONE_ADDRESS = re.compile(r"^\W{0,3}(?:https?://|www\.)\S+\W{0,3}$", re.IGNORECASE)
# A stamp's time zone ends it: "4 October 2013, 18:07 (GMT+05:00)", "Aug. 15, 2023 10:32 EDT", "12/03/2024
# 10:32 CET", "16 de agosto de 2023, 10:32 hora peninsular". An ECB+ page's stamp with its zone was a claim.
_ZONE = re.compile(r"[\s,]*\(?\s*(?:\b(?:GMT|UTC|CET|CEST|EST|EDT|CST|CDT|MST|MDT|PST|PDT|BST|IST|ART|COT|CLT|"
                   r"WIB|JST|KST|AEST|AEDT)\b\s*(?:[+-−]\s*\d{1,2}(?::?\d\d)?)?|\bhora\s+(?:peninsular|local|"
                   r"de\s+[A-ZÁÉÍÓÚ]\w+(?:\s+[A-ZÁÉÍÓÚ]\w+)?))\s*\)?\s*$")
_ZONED_CLOCK = re.compile(r"\W{0,2}[0-2]?\d[:.][0-5]\d\W{0,2}")
# A line that says when the page was published or updated: "Updated August 15, 2023 at 6:00 AM ET",
# "Actualizado: 16/08/2023 - 10:32", "Publicado el 16 de agosto de 2023". Short, with a date or a time.
STAMP_WORDS = 16
_UPDATED = re.compile(r"^\W*(?:last\s+updated|updated|actualizad[oa]|última\s+actualización|ultima\s+actualizacion)\b",
                      re.IGNORECASE)
_RELATIVE_STAMP = re.compile(
    r"^\W*(?:last\s+updated|updated|actualizad[oa]|última\s+actualización|publicad[oa]|published|posted)\W*"
    r"(?:hace\s+\d{1,3}\s*(?:minutos?|horas?|días?|min|h)|\d{1,3}\s*(?:minutes?|hours?|days?|mins?|hrs?)\s+ago)\W*$",
    re.IGNORECASE)
_PUBLISHED = re.compile(r"^\W*(?:published|first\s+published|posted|publicad[oa]|fecha\s+de\s+publicación)\b", re.IGNORECASE)
# ... or with the writer's trade after the name: "By Hannah Cole, Energy correspondent", "Por Ana Ruiz,
# corresponsal en Bruselas" (a short line: names, a few capitalised words, the trade, a place).
_BYLINE_TRADE = re.compile(
    r"^(?:[Pp]or|[Bb]y|BY|POR)\s+(?:[A-ZÁÉÍÓÚÑ][\w'’.-]+(?![\w'’.-])\s?){1,4},\s?(?:[A-ZÁÉÍÓÚÑ][\w-]+\s){0,3}"
    r"(?i:correspondent|reporter|editor|writer|columnist|contributor|corresponsal|redactora?|periodista|editora?"
    r"|columnista|enviad[oa] especial)s?(?:\s(?:in|at|en|de)\s[A-ZÁÉÍÓÚÑ][\w-]+(?:\s[A-ZÁÉÍÓÚÑ][\w-]+)?)?\W?$")
# ... or a desk that signs it: "Por la redacción, 12 de marzo", "By Staff, May 3, 2026".
_DESK_BYLINE = re.compile(r"^(?i:por|by)\s+(?i:(?:la|el|the|our)\s+)?(?i:redacci[oó]n|agencias|staff|newsroom|web desk)\b")
_BYLINE_START = re.compile(r"^(?:[Pp]or|[Bb]y|BY|POR|[Ee]scrito por|[Ww]ritten by|[Pp]ublicado por|[Pp]osted by)\s+"
                           r"[A-ZÁÉÍÓÚÑ]|" + _DESK_BYLINE.pattern)
_CLOCK = re.compile(r"\b\d{1,2}[:.]\d\d\b|\b\d{1,2}\s*(?:a\.?\s?m\.?|p\.?\s?m\.?)(?!\w)|\b\d{1,2}\s*h\b", re.IGNORECASE)
# A dateline opens the first paragraph: "MADRID, 16 ago 2023 (EFE).-", "Ciudad de México, 16 de agosto de
# 2023.-", "LONDON, August 15, 2023 (Reuters) -". Its date is read in the first DATELINE_CHARS characters,
# before the dash or stop that ends it.
DATELINE_CHARS = 90
_DATELINE_END = re.compile(r"\.\s?[-–—]|\)\s*[-–—.:]|\s[-–—]\s")
# Lines read for the publication date: the top of the page, where bylines and stamps stand.
TOP_LINES = 12
MENU_LINES = 40  # a copied page's menu, breadcrumbs and buttons above its title: at most this many lines

_TERMINAL = re.compile(r"[.!?…:;»”\"')\]]\s*$")

# A wire dateline that opens the lead, with the agency: "MADRID, 12 Mar. (EUROPA PRESS) -", "LUSMAR, 5 Jun.
# (EFE).-", "LONDON, Aug 15 (Reuters) -", "BOGOTÁ (Colombia), 3 jun (EFE).-", or standing alone on its line
# ("MADRID, 12 (EUROPA PRESS)"); or, without an agency, closed by ".-": "Ciudad de México, 16 de agosto de
# 2023.-". It is the copy's credit, not a claim: its own line (so the splitter does not cut the lead at the
# month's dot, "12 Mar.") and boilerplate. Every quantifier is bounded: the pattern runs on article text.
_PLACE = r"[A-ZÁÉÍÓÚÑ][^\W\d_]*(?:[ .'’-]{1,3}[^\W\d_]+){0,5}(?:\s?\([^()\d]{1,30}\))?"
_DATELINE = re.compile(
    rf"^{_PLACE}(?:\s?,\s?[^()\n]{{1,40}}?)?\s?\(\s?(?:{_AGENCIES})(?:\s?[/,-]\s?(?:{_AGENCIES}))*\s?\)"
    r"(?:\s?\.?\s?[-–—]{1,2}|\s?[.:])?\s*"
    rf"|^{_PLACE}\s?,\s?[^()\n]{{0,40}}?\d[^()\n]{{0,20}}?\.[-–—]\s*")
# A newsroom or desk byline, with the place and the time: "Redacción | Valdemora | 12/03/2026 - 15:10h".
_DESK = re.compile(r"^\W*(?:redacción|redaccion|agencias|staff|newsroom|staff reporter|web desk)\b", re.IGNORECASE)
# Reading time beside a byline: "4 min de lectura", "5 min read", "Lectura: 3 min".
_READING_TIME = re.compile(r"\b\d{1,3}\s*(?:min(?:utos?)?\.?|minutes?)\s*(?:de\s+lectura|read)\b"
                           r"|\blectura\s*:?\s*\d{1,3}\s*min(?:utos?)?\b|\b\d{1,3}-minute read\b", re.IGNORECASE)
# A label that opens a list of links to other stories ("Noticias relacionadas", "Te puede interesar",
# "Read more"): the headlines listed under it are links too, however long.
_LINKS_LABEL = re.compile(
    r"^\W*(?:noticias relacionadas|te puede interesar|le puede interesar|lee también|leé también|lea también"
    r"|te recomendamos|recomendados?|ver también|más noticias|más información|lo más leído|más leídas"
    r"|related(?: articles| stories| coverage| content| news)?|read more|also read|read also|see also"
    r"|more on this(?: story)?|most read|recommended|trending|you (?:may|might) also like|más en \w+"
    r"|read next|up next|más sobre este tema|more (?:about|on) this (?:topic|story)|related topics|most popular"
    r"|editor'?s picks|recommended (?:for you|stories)|keep reading|últimas noticias|lo último|more stories"
    r"|other stories|otras noticias|también te puede interesar|más noticias de [\w ]{1,30}"
    r"|lo más visto|más vistos?|lo más compartido|most viewed|most shared|most watched"
    # a recommendation widget's label, its advertisers' headlines under it: "Recomendado por Outbrain" /
    # "Los médicos no se lo explican: el truco para dormir..."
    r"|(?:recomendado|promocionado|patrocinado) por \w+|(?:recommended|promoted|sponsored) by \w+"
    r"|promoted (?:stories|content|links)|you may like|te puede gustar|(?:from )?around the web"
    # an advertiser's headlines under their label: "Contenido patrocinado" / "Las cinco claves para ahorrar..."
    r"|contenido patrocinado|patrocinado|sponsored(?: content| stories| links)?|paid content|content from our partners)\W*$",
    re.IGNORECASE)
LINK_WORDS = 25
# The standfirst (deck) under a headline: a line without closing punctuation right under the title,
# not a claim of the body (it restates the lead) and not the title; up to this many words.
STANDFIRST_WORDS = 40


def classify_lines(text: str) -> tuple[Line, ...]:
    """Split the text into non-blank lines and decide each line's role."""
    spans: list[tuple[int, int, int]] = []
    paragraph, last_end = 0, 0
    for m in _LINE.finditer(text):
        start, end = m.span()
        if not m.group().strip():
            continue
        # strip surrounding spaces so offsets cover the words only
        start += len(m.group()) - len(m.group().lstrip())
        end -= len(m.group()) - len(m.group().rstrip())
        if spans and text.count("\n", last_end, start) >= 2:
            paragraph += 1
        spans.append((start, end, paragraph))
        last_end = end
    spans = _unwrap(text, spans)
    lines: list[Line] = []
    title_text = None
    under_title = links = dated = False
    for i, (start, end, par) in enumerate(spans):
        s = text[start:end]
        if not dated and i < TOP_LINES:
            m = _DATELINE.match(s[:DATELINE_CHARS + 40])
            if m:
                dated = True
                head = s[:m.end()].rstrip()
                lines.append(Line(start, start + len(head), par, BOILERPLATE, "dateline"))
                if m.end() >= len(s):
                    continue
                start += m.end()
                s = text[start:end]
        # the title is the first line that is not furniture ("Press Enter to skip to content")
        first = i <= 8 and all(line.role == BOILERPLATE for line in lines)
        role, why = _role(s, i, spans, text, title_text, first)
        if links and role in (BODY, HEADING) and _is_link_headline(s):
            role, why = BOILERPLATE, "related link"
        elif under_title and role in (BODY, HEADING) and _words(s) <= STANDFIRST_WORDS \
                and not _TERMINAL.search(s) and i + 1 < len(spans):
            role, why = HEADING, "standfirst under the title"
        links = (role == BOILERPLATE and bool(_LINKS_LABEL.match(s))) or (links and why == "related link")
        if role not in (BOILERPLATE, CAPTION):
            under_title = role == TITLE
        if role == TITLE:
            title_text = s
        lines.append(Line(start, end, par, role, why))
    return _author_bios(text, _pull_quotes(text, _embeds(text, _headline_below_menu(text, lines))))


# A social-media post embedded in the page: its text, then its signature ("— Protección Civil
# (@proteccioncivil) 12 de marzo de 2026", furniture by _EMBED), or its text with the picture's short
# link ("... pic.twitter.com/Tq7dLm2Xa"). The post is the page's illustration, not the outlet's reporting:
# a live blog pastes a dozen. The line right above a signature, and a line with such a link, go.
_EMBED_LINK = re.compile(r"\bpic\.twitter\.com/\w+|\bhttps?://t\.co/\w+")


def _embeds(text: str, lines: list[Line]) -> list[Line]:
    out = list(lines)
    for i, line in enumerate(lines):
        if line.role not in (BODY, HEADING):
            continue
        s = text[line.start:line.end]
        after = text[lines[i + 1].start:lines[i + 1].end] if i + 1 < len(lines) else ""
        if _EMBED_LINK.search(s) or _EMBED.match(after):
            out[i] = Line(line.start, line.end, line.paragraph, BOILERPLATE, "social-media embed")
    return out


# A whole page copied as text opens with the site's name, its menu and breadcrumbs ("Portada", "Local",
# "Sucesos"), so the first line taken for the title was the site's name or a menu item, and the
# headline and standfirst read as body (and led the summary). When MENU_ITEMS or more menu-like lines
# (a few words, no punctuation) stand between that title and the first paragraph, the headline is the
# line right above the first paragraph, past the captions, stamps, a byline name and a standfirst;
# what stands above it is the page's navigation.
MENU_ITEMS = 3
MENU_WORDS = 3
PARAGRAPH_WORDS = 12
STANDFIRST_MIN_WORDS = 8  # longer than a label or a name
# the names under a headline: "Marta Lozano", "Javier Núñez y Elena Soto", "By Tom Hadley, Transport Correspondent"
_NAME = r"(?:[A-ZÁÉÍÓÚÑ][\w'’.-]+(?![\w'’.-])\s?){1,3}"
_NAME_LINE = re.compile(rf"^(?:(?i:por|by)\s)?{_NAME}(?:(?:,\s?|\s(?:y|e|and|&)\s){_NAME}){{0,2}}$")


def _headline_below_menu(text: str, lines: list[Line]) -> list[Line]:
    title = next((i for i, line in enumerate(lines) if line.role == TITLE), None)
    if title is None:
        return lines

    def s(i: int) -> str:
        return text[lines[i].start:lines[i].end]

    first = next((i for i in range(title + 1, len(lines)) if lines[i].role == BODY
                  and _words(s(i)) >= PARAGRAPH_WORDS and _SENTENCE_END.search(s(i))), None)
    if first is None:
        return lines
    menu = sum(1 for i in range(title + 1, first)
               if lines[i].role == HEADING and _words(s(i)) <= MENU_WORDS and not _TERMINAL.search(s(i)))
    if menu < MENU_ITEMS:
        return lines
    h = first - 1
    while h > title and (lines[h].role in (BOILERPLATE, CAPTION) or _NAME_LINE.match(s(h))
                         or (_words(s(h)) <= STAMP_WORDS and _has_date_or_time(s(h)) and _only_names_and_dates(s(h), False))):
        h -= 1  # captions, stamps, bylines and the author's name under the headline
    standfirst = None
    if h > title and lines[h].role in (BODY, HEADING) and not _TERMINAL.search(s(h)) and _words(s(h)) > STANDFIRST_MIN_WORDS:
        standfirst, h = h, h - 1
    while h > title and lines[h].role in (BOILERPLATE, CAPTION):
        h -= 1
    if h <= title or lines[h].role not in (BODY, HEADING) or _words(s(h)) <= MENU_WORDS or not _looks_like_title(s(h)):
        return lines
    out = []
    for i, line in enumerate(lines):
        if i < h and line.role not in (BOILERPLATE, CAPTION):
            line = Line(line.start, line.end, line.paragraph, BOILERPLATE, "page navigation above the headline")
        elif i == h:
            line = Line(line.start, line.end, line.paragraph, TITLE, "headline above the first paragraph")
        elif i == standfirst:
            line = Line(line.start, line.end, line.paragraph, HEADING, "standfirst under the title")
        out.append(line)
    return out


# A pull-quote (a "destacado"): the CMS prints again, in large type, a quote or a sentence of the
# body, often with its speaker after a dash: "«Hemos tenido mucha suerte...» — Lucía Herrera,
# alcaldesa". Said twice, it is not a second claim: a line whose words, quotes and the dashed
# attribution aside, are a sentence or a quotation of a longer body line (or, for a quote, of the same
# quote earlier) is furniture, and so is a dashed attribution standing alone under it. A plain line that
# repeats a whole earlier line stays: a copy-paste slip (ECB+ has 9 such) is not a pull-quote.
REPEAT_WORDS = 6  # shorter repeats ("Sí.", "No comment.") are ordinary in interviews
_QUOTED = re.compile(r"«([^»\n]{1,600})»|“([^”\n]{1,600})”|\"([^\"\n]{1,600})\"")  # not '…': an apostrophe
_PIECE_END = re.compile(r"(?<=[.!?…])[\"'»”’)]*\s+")
_ATTRIBUTION = re.compile(r"[—–―]\s*[A-ZÁÉÍÓÚÑ][^—–―\n.!?]{0,80}$")
_ATTRIBUTION_LINE = re.compile(r"^[—–―]\s*[A-ZÁÉÍÓÚÑ][^—–―\n.!?]{0,80}$")


def _core(s: str) -> str:
    """A line's words for comparing repeats: lowercase, single spaces, without quotes or end stops."""
    return " ".join(re.sub(r"[«»“”\"‘’'.,;:!?¡¿…()\[\]]", " ", s).split()).casefold()


def _pull_quotes(text: str, lines: list[Line]) -> list[Line]:
    said: dict[str, set[int]] = {}  # the sentences and quotations of each body line, by line
    for i, line in enumerate(lines):
        if line.role != BODY:
            continue
        s = text[line.start:line.end]
        pieces = [s, *_PIECE_END.split(s), *(next(filter(None, m.groups())) for m in _QUOTED.finditer(s))]
        for piece in pieces:
            said.setdefault(_core(piece), set()).add(i)
    out: list[Line] = []
    for i, line in enumerate(lines):
        s = text[line.start:line.end]
        if line.role in (BODY, HEADING):
            quoted = s[:1] in "«“\"‘"
            core = _core(_ATTRIBUTION.sub("", s).rstrip() if quoted else s)
            others = said.get(core, set()) - {i}
            if len(core.split()) >= REPEAT_WORDS and any(
                    lines[j].end - lines[j].start > line.end - line.start or (quoted and j < i) for j in others):
                line = Line(line.start, line.end, line.paragraph, BOILERPLATE, "pull-quote (repeats the article)")
            elif out and out[-1].why.startswith("pull-quote") and _ATTRIBUTION_LINE.match(s) \
                    and not _TERMINAL.search(s):
                line = Line(line.start, line.end, line.paragraph, BOILERPLATE, "pull-quote attribution")
        out.append(line)
    return out


# The author's box at the foot of a page: "Tom Hadley is the Post's transport correspondent. He
# previously reported for ...", "Elena Castro es periodista especializada en urbanismo. Se incorporó a
# ... en 2018.": a name, is / es, and a newsroom trade within a few words, among the article's last
# lines (only furniture after it). A claim about a journalist in the story ("La víctima, Ana Ruiz, es
# periodista") does not open with the bare name, and one in the body is not in the tail.
BIO_TAIL = 3  # the last lines that are not furniture
BIO_WORDS = 60
_BIO = re.compile(
    r"^(?:[A-ZÁÉÍÓÚÑ][\w'’.-]+(?![\w'’.-])\s){1,3}[A-ZÁÉÍÓÚÑ][\w'’.-]+(?![\w'’.-])\s+(?:is|es|was|fue)\s+"
    r"(?:(?:a|an|the|our|un|una|el|la|nuestr[oa])\s+)?(?:[\w'’-]+\s+){0,5}?"
    r"(?:periodista|redactora?|corresponsal|reporter[oa]?|editora?|columnista|colaboradora?|fot[oó]grafa?|fotoperiodista"
    r"|cronista|jef[ea] de (?:la )?secci[oó]n|correspondent|journalist|writer|columnist|contributor|photographer"
    r"|(?:senior |staff )?(?:reporter|editor))s?\b"
    # the box's name above it, the bio opens with the trade: "Periodista de Noticias del Valle. Antes trabajó..."
    r"|^(?i:periodista|redactora?|corresponsal|columnista|reporter|journalist|correspondent|columnist|editora?)\s+"
    r"(?i:de|del|en|at|for|with|of)\s+(?:(?i:the|la|el)\s+)?[A-ZÁÉÍÓÚÑ]")


def _author_bios(text: str, lines: list[Line]) -> tuple[Line, ...]:
    tail = [i for i, line in enumerate(lines) if line.role not in (BOILERPLATE, CAPTION)][-BIO_TAIL:]
    out = list(lines)
    for i in tail:
        line = lines[i]
        s = text[line.start:line.end]
        if line.role in (BODY, HEADING) and i > 0 and _words(s) <= BIO_WORDS and _BIO.match(s):
            out[i] = Line(line.start, line.end, line.paragraph, BOILERPLATE, "author's bio")
    return tuple(out)


def _is_link_headline(s: str) -> bool:
    """A headline listed under a links label: short, and not ending like a sentence (a question may)."""
    return _words(s) <= LINK_WORDS and (not _SENTENCE_END.search(s) or s.rstrip().endswith("?")
                                        or bool(re.search(r"\?\s+\S[^.!?]*$", s)))


# A paragraph hard-wrapped across lines (wire copy, e-mail, plain-text archives): a line that
# does not end like a sentence goes on in the next line of its paragraph when that line starts
# with a lowercase word or a figure ("...el sur del\npaís y dejó..."). Not when it starts with a
# capital: a headline without a full stop may stand right above its first paragraph, and UD
# text ends sentences without punctuation at line ends (joining those too cost 0.003 F1 on
# en-GUM: `reporter eval segmentation`).
_OPEN_END = re.compile(r"[\w,(«“\"'-]\s*$")
_LOWER_START = re.compile(r"^[«“\"'(¿¡]?[a-záéíóúüñ0-9]")


def _unwrap(text: str, spans: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    out: list[tuple[int, int, int]] = []
    for start, end, par in spans:
        if out and out[-1][2] == par and _continues(text, out[-1], (start, end)):
            out[-1] = (out[-1][0], end, par)
        else:
            out.append((start, end, par))
    return out


def _continues(text: str, before: tuple[int, int, int], line: tuple[int, int]) -> bool:
    if not _OPEN_END.search(text[max(before[0], before[1] - 3):before[1]]):
        return False  # the line before ends like a sentence, a heading with a colon, ...
    head = text[line[0]:min(line[1], line[0] + 5)]
    if _is_stamp(text[line[0]:line[1]]):
        return False  # a date stamp under the byline: "Redacción | Madrid" / "01/12/2026 - 08:15"
    if head[:1] in "-*•·–—>|#" or re.match(r"\d+[.)]\s", head):
        return False  # a list item, a quote or table line: its own line
    return bool(_LOWER_START.match(head))


def _words(s: str) -> int:
    return len(s.split())


# A credit line of places and the agency between slashes, no verb: "México/Washington/EFE-EL UNIVERSAL",
# "Madrid / Bruselas / EFE". Each piece is matched on its own (a split, not one pattern over the line),
# so a long line costs one pass.
SLASH_CREDIT_CHARS = 80
_SLASH_PLACE = re.compile(r"[A-ZÁÉÍÓÚÑ][^\W\d_]*(?:[ .'’-]{1,3}[^\W\d_]+){0,5}")
_AGENCY_START = re.compile(rf"(?:{_AGENCIES})(?![\w])")


def _slash_credit(s: str) -> bool:
    if len(s) > SLASH_CREDIT_CHARS or "/" not in s or _TERMINAL.search(s):
        return False
    parts = [p.strip() for p in s.split("/")]
    if len(parts) < 2 or not all(parts) or not _AGENCY_START.match(parts[-1]):
        return False
    return all(_SLASH_PLACE.fullmatch(p) or _AGENCY_START.match(p) for p in parts[:-1])


def _role(s: str, i: int, spans, text: str, title: str | None, first: bool) -> tuple[str, str]:
    if LONE_CREDIT.match(s) or _slash_credit(s):
        return BOILERPLATE, "agency credit"
    if _LONE_ADDRESS.match(s):
        return BOILERPLATE, "related link"  # a web address on a line of its own: the page's own, or a link
    if _is_furniture(s):
        return BOILERPLATE, "site furniture (comment prompt, related link, advert, sharing)"
    if _RELATIVE_STAMP.match(s):
        return BOILERPLATE, "date stamp"  # "Última actualización: hace 2 horas", "Updated 5 minutes ago"
    if _words(s) <= STAMP_WORDS and _UPDATED.match(s) and _has_date_or_time(s) and _only_names_and_dates(s, False):
        return BOILERPLATE, "date stamp"  # "Updated at 6:00 a.m. ET", "Actualizado el 16/08/2023 10:32"
    if _words(s) <= 10 and (_BYLINE.match(s) or _BYLINE_TRADE.match(s)):
        return BOILERPLATE, "byline"
    if _words(s) <= STAMP_WORDS and _BYLINE_START.match(s) and _only_names_and_dates(s, not _DESK_BYLINE.match(s)):
        return BOILERPLATE, "byline"  # a byline with its date: "By Jane Doe, August 15, 2023", "Por la redacción, 12 de marzo"
    if _words(s) <= STAMP_WORDS + 4 and ((_BYLINE_START.match(s) and _READING_TIME.search(s)) or _DESK.match(s)) \
            and _only_names_and_dates(_READING_TIME.sub(" ", s), False):
        return BOILERPLATE, "byline"  # "Por Ana Ruiz · 20 de octubre de 2026 · 4 min de lectura", "Redacción | Lima"
    if _is_stamp(s):
        return BOILERPLATE, "date stamp"  # ... or a clock with its zone: a live blog's "15.10 GMT"
    if title is not None and _norm(s) == _norm(title):
        return BOILERPLATE, "title repeated"
    if _CREDIT.search(s):
        return CAPTION, "photo caption or credit"
    if first and i + 1 < len(spans) and _looks_like_title(s):
        return TITLE, "first line"
    # A short line without closing punctuation, followed by more text: a subheading.
    if _words(s) <= 12 and not _TERMINAL.search(s) and i + 1 < len(spans) and not first:
        return HEADING, "short line without punctuation"
    return BODY, ""


# A cookie notice, as a page copied whole (or a reader that keeps the banner) gives it: the site speaks
# ("Utilizamos cookies propias y de terceros...", "We and our partners use cookies...", "Este sitio web
# utiliza cookies..."). Reporting about cookies names who uses them in the third person.
_CONSENT = re.compile(
    r"\b(?:we(?: and our (?:partners|vendors))? use|(?:usamos|utilizamos)|(?:este|nuestro) (?:sitio|portal)(?: web)? (?:usa|utiliza)"
    r"|esta (?:web|página) (?:usa|utiliza)|this (?:web)?site uses|our (?:web)?site uses)\b[^.!?\n]{0,60}\bcookies?\b", re.IGNORECASE)
CONSENT_CHARS = 600  # a banner is a few sentences; only the start of a line is looked at


def _consent(s: str) -> bool:
    return bool(_CONSENT.search(s[:CONSENT_CHARS]) and re.search(r"(?i)\bcookies?\b", s[:CONSENT_CHARS]))


# A row of the footer's links: "Aviso legal · Política de privacidad · Política de cookies", "Privacy notice
# Terms and conditions Contact us". Only these labels and separators, at least two labels.
_FOOTER_LABEL = re.compile(
    r"aviso legal|pol[ií]tica de (?:privacidad|cookies|protecci[oó]n de datos)|pol[ií]tica editorial|privacidad|cookies"
    r"|condiciones (?:de uso|generales)|t[eé]rminos y condiciones|t[eé]rminos de uso|cont[aá]ct(?:o|anos)|qui[eé]nes somos"
    r"|sobre nosotros|mapa (?:web|del sitio)|accesibilidad|trabaja con nosotros|an[uú]nciate|hemeroteca|suscripciones"
    r"|privacy (?:policy|notice|settings)|cookie (?:policy|settings|preferences)|terms (?:and conditions|of (?:use|service))"
    r"|contact us|about us|accessibility|sitemap|site map|advertise(?: with us)?|careers|help|ayuda|faqs?|rss|terms|privacy"
    r"|contact|newsletters?", re.IGNORECASE)
FOOTER_WORDS = 20


def _footer_links(s: str) -> bool:
    if _words(s) > FOOTER_WORDS:
        return False
    rest, labels = _FOOTER_LABEL.subn(" ", s)
    return labels >= 2 and not re.search(r"\w", rest)


def _is_furniture(s: str) -> bool:
    """A furniture cue alone or as a label ("Lee también: ...", "Etiquetas: ..."), or a short
    line starting with one. A longer line that starts with a cue and ends like a sentence is
    reporting that happens to begin with the same word ("Recomendamos a la población no salir
    de sus casas, dijo Protección Civil.", "Gallery owners said 40 paintings were damaged.")."""
    if (_RIGHTS.search(s) and _words(s) <= 15) or _CALL.match(s) or _EMBED.match(s) or _consent(s) \
            or _footer_links(s):
        return True
    if _CREDIT_LINE.match(s) and _words(s) <= CREDIT_WORDS:
        return True
    m = _FURNITURE.match(s)
    if not m:
        return False
    rest = s[m.end():].strip()
    if not rest or m.group().rstrip().endswith(":") or rest[:1] in ":|-–—»>·":
        return True
    return _words(s) <= FURNITURE_WORDS or not _SENTENCE_END.search(s)


def _looks_like_title(s: str) -> bool:
    # One line, not too long, and not a paragraph of several sentences.
    # Titles rarely end in a full stop; a one-line sentence that does is body.
    if _words(s) > 30 or s.rstrip().rstrip("\"'»”’)").endswith("."):
        return False
    return not re.search(r"[.!?]\s+\S", s)


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip().casefold()


def _day(s: str, language: str = "") -> str:
    """The first full day (with its year) written in `s`, ISO; "" if none."""
    for lang in ((language,) if language in ("es", "en") else ("es", "en")):
        for m in mentions(s, lang, None):
            if m.granularity == DAY and m.value:
                return m.value
    return ""


_NAME_WORDS = frozenset("by por and y e de del la las los van von da di le the | , · - – — at a el on en "
                        "updated actualizado actualizada publicado publicada published last última ultima "
                        "actualización actualizacion hora horas redacción redaccion agencias staff newsroom "
                        "desk our web".split())
_CLOCK_WORDS = frozenset({"a.m", "p.m", "am", "pm", "h", "hs", "hrs"})
_CALENDAR_WORDS = frozenset({*MONTHS_ES, *MONTHS_EN, *WEEKDAYS_ES, *WEEKDAYS_EN})


def _only_names_and_dates(s: str, need_day: bool) -> bool:
    """Names, a date (a full day when need_day) and times, nothing else: "By Jane Doe and John Roe |
    August 15, 2023 10:32 a.m. ET", "Updated at 6:00 a.m. ET". "By August 15, 2023, the fund had
    paid out 40 claims." and "Updated figures show 40 deaths." are reporting: lowercase words."""
    rest = s
    for lang in ("es", "en"):
        found = [m for m in mentions(s, lang, None) if m.granularity == DAY and m.value]
        if found:
            rest = s[:found[0].start] + " " + s[found[0].end:]
            break
    else:
        if need_day:
            return False
    rest = _CLOCK.sub(" ", rest)
    words = re.findall(r"[^\W\d_][\w'’.-]*", rest)
    # a day without its year is no date for the page ("12 de marzo"), but its words are a stamp's
    return all(w[0].isupper() or w.lower().rstrip(".") in _NAME_WORDS | _CLOCK_WORDS | _CALENDAR_WORDS for w in words)


def _has_date_or_time(s: str) -> bool:
    return bool(_CLOCK.search(s) or _day(s))


def publication(text: str, lines: tuple[Line, ...], language: str = "") -> Published | None:
    """When the text says it was published: a byline or a publication stamp at the top
    ("byline"), else a dateline opening the first paragraph ("dateline"), else an
    "Updated/Actualizado" line ("updated-line"). Only full dates with their year: a
    dateline "16 ago (EFE)" leaves the year open and gives nothing. None: the text does not say."""
    found: dict[str, str] = {}
    first_body = True
    # the top of the article is the title's place: a page copied whole puts its menu above it (tarifa_es:
    # eleven menu lines, and the stamp under the byline was the sixteenth line)
    top = next((i for i, line in enumerate(lines[:MENU_LINES]) if line.role == TITLE), 0)
    for line in lines[top:top + TOP_LINES]:
        s = text[line.start:line.end]
        if len(s) > 400:  # a paragraph, not a stamp (and the date patterns stay cheap)
            s = s[:400]
        how, said = "", s
        if line.why == "dateline":
            how = "dateline"
            first_body = False
        elif line.role != BODY and _UPDATED.match(s):
            how = "updated-line"
        elif line.role != BODY and (_PUBLISHED.match(s) or _BYLINE_START.match(s) or line.why == "date stamp"):
            how = "byline"  # a byline, or the stamp on a line of its own under it ("By Megan Doyle" / "April 9, 2026")
        elif line.role == BODY and first_body:
            first_body = False
            end = _DATELINE_END.search(s[:DATELINE_CHARS])
            if end and "," in s[:end.start()]:
                how, said = "dateline", s[:end.start()]
        day = _day(said, language) if how and how not in found else ""
        if day:  # a line of this kind without a date leaves the next one its chance
            found[how] = day
    for how in ("byline", "dateline", "updated-line"):
        if found.get(how):
            return Published(found[how], how)
    return None
