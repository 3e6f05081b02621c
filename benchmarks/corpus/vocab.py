"""Words the synthetic fichas are made of (Spanish, with accents on purpose)."""

from __future__ import annotations

CANONICAL_REGIONS = (
    "Arica y Parinacota",
    "Tarapacá",
    "Antofagasta",
    "Atacama",
    "Coquimbo",
    "Valparaíso",
    "Libertador General Bernardo O'Higgins",
    "Maule",
    "Biobío",
    "Ñuble",
    "La Araucanía",
    "Los Ríos",
    "Los Lagos",
    "Aysén del General Carlos Ibáñez del Campo",
    "Magallanes y Antártica Chilena",
    "Metropolitana de Santiago",
)

REGION_SPELLINGS = {
    "Arica y Parinacota": [
        "Arica y Parinacota",
        "Arica y Parinacota",
        "Región de Arica y Parinacota",
    ],
    "Tarapacá": ["Tarapacá", "Tarapacá", "Tarapaca"],
    "Antofagasta": ["Antofagasta"],
    "Atacama": ["Atacama"],
    "Coquimbo": ["Coquimbo"],
    "Valparaíso": ["Valparaíso", "Valparaíso", "Valparaiso"],
    "Libertador General Bernardo O'Higgins": [
        "Libertador General Bernardo O'Higgins",
        "Libertador General Bernardo OHiggins",
        "O'Higgins",
        "Libertador Bernardo O'Higgins",
    ],
    "Maule": ["Maule", "Del Maule"],
    "Biobío": ["Biobío", "Bío-bío", "Bíobío", "Bío Bío", "Biobio"],
    "Ñuble": ["Ñuble", "Ñuble", "Nuble"],
    "La Araucanía": ["La Araucanía", "Araucanía", "La Araucania"],
    "Los Ríos": ["Los Ríos", "Los Ríos", "Los Rios"],
    "Los Lagos": ["Los Lagos"],
    "Aysén del General Carlos Ibáñez del Campo": [
        "Aysén del General Carlos Ibáñez del Campo",
        "Aysén",
        "Aisén del General Carlos Ibáñez del Campo",
    ],
    "Magallanes y Antártica Chilena": [
        "Magallanes y Antártica Chilena",
        "Magallanes y de la Antártica Chilena",
        "Magallanes",
    ],
    "Metropolitana de Santiago": [
        "Metropolitana de Santiago",
        "Metropolitana",
        "Región Metropolitana de Santiago",
    ],
}

SUFFIXES = ("Línea", "Fase", "Componente regional", "Piloto", "Ampliación")

SUBJECTS = [
    {"short": "", "who": "niños, niñas y adolescentes", "what": "vulneraciones de derechos"},
    {"short": "para Personas Mayores", "who": "personas mayores", "what": "dependencia funcional"},
    {"short": "Escolar", "who": "estudiantes", "what": "deserción escolar"},
    {"short": "Rural", "who": "familias rurales", "what": "baja productividad agrícola"},
    {"short": "", "who": "mujeres jefas de hogar", "what": "baja empleabilidad"},
    {"short": "Juvenil", "who": "jóvenes", "what": "desocupación y rezago educativo"},
    {"short": "", "who": "micro y pequeñas empresas", "what": "acceso limitado a financiamiento"},
    {"short": "Comunitario", "who": "organizaciones sociales", "what": "débil participación"},
    {"short": "", "who": "personas en situación de calle", "what": "exclusión social"},
    {"short": "Indígena", "who": "comunidades indígenas", "what": "pérdida de patrimonio cultural"},
]

COMPONENTS = [
    ("Atención residencial", "{who} atendidos en residencias"),
    ("Intervención psicosocial", "{who} con plan de intervención"),
    ("Acompañamiento familiar", "Familias acompañadas"),
    ("Asistencia técnica", "Municipios con asistencia técnica finalizada"),
    ("Capacitación en oficios", "Personas capacitadas"),
    ("Transferencias monetarias", "Bonos pagados"),
    ("Subsidio de arriendo", "Subsidios entregados"),
    ("Fondos concursables", "Proyectos financiados"),
    ("Gestión de redes intersectoriales", "{who} derivados a la red"),
    ("Atención de salud", "Prestaciones otorgadas"),
    ("Entrega de equipamiento", "Kits entregados"),
    ("Difusión y sensibilización", "Actividades de difusión realizadas"),
    ("Becas de mantención", "Becas asignadas"),
    ("Apoyo a la comercialización", "Emprendimientos apoyados"),
    ("Habilitación de espacios", "Espacios habilitados"),
]

CATEGORIES = ("Otro", "Apoyo Psicosocial", "Capacitación", "Asesoría", "Bono", "Subsidio")

INDICATORS = [
    (
        "{who} egresados que cumplen los objetivos de su plan de intervención",
        "{who} egresados que cumplen los objetivos de su plan de intervención",
        "{who} egresados",
    ),
    (
        "{who} que no reingresan al programa en 24 meses",
        "{who} egresados en el año t-2 que no reingresan",
        "{who} egresados en el año t-2",
    ),
    (
        "{who} que mejoran su situación respecto del diagnóstico inicial",
        "{who} que mejoran su situación respecto del diagnóstico inicial",
        "{who} atendidos",
    ),
    (
        "beneficiarios que finalizan la intervención",
        "beneficiarios que finalizan la intervención",
        "beneficiarios que ingresan al programa",
    ),
    (
        "proyectos ejecutados según lo planificado",
        "proyectos ejecutados según lo planificado",
        "proyectos adjudicados",
    ),
    (
        "usuarios satisfechos con la atención recibida",
        "usuarios que declaran estar satisfechos",
        "usuarios encuestados",
    ),
    (
        "{who} que acceden a la oferta pública derivada",
        "{who} derivados que acceden a la oferta pública",
        "{who} derivados",
    ),
    (
        "recursos transferidos dentro del plazo",
        "transferencias realizadas dentro del plazo",
        "transferencias comprometidas",
    ),
    (
        "{who} que reciben el 100% de las prestaciones comprometidas",
        "{who} que reciben el 100% de las prestaciones comprometidas",
        "{who} atendidos",
    ),
]

DESCRIPTION = [
    "El programa busca resolver la situación de {who} afectados por {what}.",
    "Para ello entrega bienes y servicios a través de sus componentes, con orientaciones"
    " técnicas que definen los recursos humanos, perfiles y requerimientos de operación.",
    "La ejecución considera coordinación con instituciones públicas y privadas en el territorio.",
]

PURPOSES = [
    "{who} afectados por {what} mejoran sus condiciones de vida.",
    "Disminuir la {what} que afecta a {who} en el país.",
    "{who} con {what} acceden a una atención oportuna e integral.",
]

EXECUTORS = [
    "Organismo privado sin fines de lucro (Fundación, organización social, comunitaria,"
    " territorial, deportiva, corporación cultural, educacional, federación, otro)",
    "Municipio",
    "Organismo privado sin fines de lucro (Fundación, corporación), Municipio",
    "Empresa privada con fines de lucro",
]

SUBTITLES = [
    (21, "Gastos en personal"),
    (22, "Bienes y servicios de consumo"),
    (23, "Prestaciones de seguridad social"),
    (24, "Transferencias Corrientes"),
    (29, "Adquisición de Activos No Financieros"),
    (31, "Iniciativas de Inversión"),
    (33, "Transferencias de Capital"),
]

ODS = [
    "1. Fin de la pobreza: Poner fin a la pobreza en todas sus formas en todo el mundo",
    "3. Salud y bienestar: Garantizar una vida sana y promover el bienestar para todos en todas"
    " las edades",
    "4. Educación de calidad: Garantizar una educación inclusiva, equitativa y de calidad",
    "5. Igualdad de género: Lograr la igualdad entre los géneros y empoderar a todas las mujeres"
    " y las niñas",
    "8. Trabajo decente y crecimiento económico: Promover el crecimiento económico sostenido",
    "10. Reducción de las desigualdades: Reducir la desigualdad en y entre los países",
    "16. Paz, justicia e instituciones sólidas: Promover sociedades justas, pacíficas e inclusivas",
]

NOTA_TECNICA = (
    "La ficha de evaluación de desempeño de la oferta corresponde al seguimiento de la gestión"
    " anual de los programas públicos, a partir de la información auto reportada por los"
    " Servicios. No corresponde a una evaluación de impacto, de implementación ni fiscalización"
    " de la oferta pública."
)

MONTHS = [
    "Enero",
    "Febrero",
    "Marzo",
    "Abril",
    "Mayo",
    "Junio",
    "Julio",
    "Agosto",
    "Septiembre",
    "Octubre",
    "Noviembre",
    "Diciembre",
]
