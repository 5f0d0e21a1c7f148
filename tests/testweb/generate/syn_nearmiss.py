"""Syndication web, part 2: near misses that must stay apart (same template or same event, different stories).

Two weekly « Communiqué du Conseil des ministres », three army bulletins on one template (two the
same day), one event reported by three outlets in their own words (quoting the same speech), and
three brèves opening with the same words. Same format as syn_texts.S.
"""

S = {}

_CM_OPEN = "Le Conseil des ministres s'est réuni en session ordinaire, le mercredi {day} 2025, dans sa salle de délibérations au Palais de Koulouba, sous la présidence du Président de la Transition, Chef de l'État."
_CM_AGENDA = "Après examen des points inscrits à l'ordre du jour, le Conseil a : adopté des projets de textes ; procédé à des nominations ; et entendu des communications."
_CM_SIGN = ["Bamako, le {day} 2025", "Le Secrétaire général du Gouvernement,", "Bréhima DIALLO", "Commandeur de l'Ordre national"]

S["conseil-0604"] = dict(
    site="revue", title="Communiqué du Conseil des ministres du mercredi 4 juin 2025",
    author=None, published="2025-06-04T19:30:00+00:00", section="Politique",
    paras=[
        _CM_OPEN.format(day="4 juin"), _CM_AGENDA,
        "AU CHAPITRE DES MESURES LÉGISLATIVES ET RÉGLEMENTAIRES",
        "Sur le rapport du ministre de l'Agriculture, le Conseil des ministres a adopté un projet de décret portant création du Fonds national d'appui à la mécanisation agricole. Le fonds a pour mission de faciliter l'accès des exploitations familiales aux tracteurs, motoculteurs et batteuses, à travers des crédits bonifiés remboursables sur cinq ans. Sa dotation initiale est fixée à 15 milliards de francs CFA.",
        "Sur le rapport du ministre de la Santé et du Développement social, le Conseil des ministres a adopté un projet d'ordonnance autorisant la ratification de l'accord de prêt signé le 14 avril 2025 entre le Gouvernement et la Banque ouest-africaine de développement, pour le financement partiel de la construction de l'hôpital régional de Koutiala. Le coût total du projet est estimé à 32 milliards de francs CFA.",
        "AU CHAPITRE DES MESURES INDIVIDUELLES",
        "Le Conseil des ministres a procédé aux nominations suivantes : au titre du ministère de l'Agriculture, Directeur national de l'Agriculture : Monsieur Abdoulaye DEMBÉLÉ, Ingénieur de l'Agriculture et du Génie rural ; au titre du ministère de la Santé et du Développement social, Directeur général de l'Hôpital régional de Sikasso : Médecin-Colonel Seydou KANTÉ.",
        "AU CHAPITRE DES COMMUNICATIONS",
        "Le ministre de l'Éducation nationale a informé le Conseil des ministres du déroulement des examens du Diplôme d'études fondamentales, prévus du 16 au 18 juin 2025 sur l'ensemble du territoire national. Au total, 212 480 candidats sont inscrits, répartis dans 1 102 centres d'examen.",
        "Le ministre de la Sécurité et de la Protection civile a informé le Conseil des ministres de la situation des inondations. Depuis le début de la saison, des pluies diluviennes ont causé l'effondrement de 86 habitations dans les régions de Kayes et de Sikasso, sans perte en vie humaine. Le Conseil a instruit le renforcement de la surveillance des zones à risque.",
        *(x.format(day="4 juin") for x in _CM_SIGN),
        "Source : Secrétariat général du Gouvernement",
    ],
)

S["conseil-0611"] = dict(
    site="quotidien", title="Communiqué du Conseil des ministres du mercredi 11 juin 2025",
    author=None, published="2025-06-11T21:00:00+00:00", section="Politique",
    paras=[
        _CM_OPEN.format(day="11 juin"), _CM_AGENDA,
        "AU CHAPITRE DES MESURES LÉGISLATIVES ET RÉGLEMENTAIRES",
        "Sur le rapport du ministre des Transports et des Infrastructures, le Conseil des ministres a adopté un projet de loi portant création de l'Autorité routière du Mali. Établissement public à caractère administratif, l'Autorité sera chargée de la programmation et du financement de l'entretien du réseau routier classé, qui compte plus de 89 000 kilomètres, dont moins d'un cinquième est bitumé.",
        "Sur le rapport du ministre de l'Énergie et de l'Eau, le Conseil des ministres a adopté un projet de décret portant approbation de la convention de concession pour la construction et l'exploitation d'une centrale solaire photovoltaïque de 50 mégawatts-crête à Sanankoroba. La centrale doit être mise en service en 2027 et produira l'équivalent de la consommation de 90 000 ménages.",
        "AU CHAPITRE DES MESURES INDIVIDUELLES",
        "Le Conseil des ministres a procédé aux nominations suivantes : au titre du ministère des Transports et des Infrastructures, Directeur national des Routes : Monsieur Lassine TOGOLA, Ingénieur des Constructions civiles ; au titre du ministère de l'Énergie et de l'Eau, Directeur national de l'Hydraulique : Madame Korotoumou SIDIBÉ, Ingénieur hydrogéologue.",
        "AU CHAPITRE DES COMMUNICATIONS",
        "Le ministre des Affaires religieuses, du Culte et des Coutumes a informé le Conseil des ministres du bon déroulement du pèlerinage aux Lieux saints de l'Islam. Les 13 500 pèlerins maliens ont accompli les rites sans incident majeur et leur retour est programmé du 20 juin au 5 juillet 2025 par vols spéciaux.",
        "Le ministre de l'Économie et des Finances a informé le Conseil des ministres de l'exécution du budget d'État à la fin du mois de mai. Les recettes budgétaires se sont élevées à 1 186 milliards de francs CFA, soit un taux de réalisation de 41 % des prévisions annuelles, tandis que les dépenses ont atteint 1 304 milliards de francs CFA.",
        *(x.format(day="11 juin") for x in _CM_SIGN),
    ],
)

_FAMA_END = ("L'état-major général des armées rassure l'opinion nationale et internationale de sa détermination à poursuivre "
             "la lutte contre le terrorisme sur l'ensemble du territoire et invite les populations à continuer de fournir des "
             "renseignements aux forces de défense et de sécurité.")

S["fama-0609"] = dict(
    site="tamani", title="Communiqué de l'état-major : une attaque terroriste repoussée à Diabaly",
    author=None, published="2025-06-09T19:00:00+00:00", section="Sécurité",
    paras=[
        "L'état-major général des armées informe l'opinion nationale et internationale que le dimanche 8 juin 2025, aux environs de 14 heures, les Forces armées maliennes (FAMa) ont repoussé une attaque terroriste contre le poste de sécurité de Diabaly, dans la région de Ségou.",
        "La riposte vigoureuse des FAMa, appuyées par les vecteurs aériens, a permis de neutraliser une vingtaine de terroristes et de détruire huit motos. Du côté ami, le bilan fait état de deux blessés légers, évacués et pris en charge.",
        "Des opérations de ratissage sont en cours dans la zone. Plusieurs armes, des munitions et des moyens de communication ont été récupérés.",
        _FAMA_END,
    ],
)

S["fama-0616"] = dict(
    site="tamani", title="Communiqué de l'état-major : une attaque terroriste repoussée à Macina",
    author=None, published="2025-06-16T20:00:00+00:00", section="Sécurité",
    paras=[
        "L'état-major général des armées informe l'opinion nationale et internationale que le lundi 16 juin 2025, aux environs de 6 heures, les Forces armées maliennes (FAMa) ont repoussé une attaque terroriste contre le poste de sécurité de Macina, dans la région de Ségou.",
        "La riposte vigoureuse des FAMa, appuyées par les vecteurs aériens, a permis de neutraliser une quinzaine de terroristes et de détruire cinq motos. Du côté ami, le bilan fait état d'un blessé léger, évacué et pris en charge.",
        "Des opérations de ratissage sont en cours dans la zone. Plusieurs armes, des munitions et des moyens de communication ont été récupérés.",
        _FAMA_END,
    ],
)

S["fama-0616-mopti"] = dict(
    site="quotidien", title="Communiqué de l'état-major : des frappes aériennes dans le cercle de Ténenkou",
    author=None, published="2025-06-16T21:30:00+00:00", section="Sécurité",
    paras=[
        "L'état-major général des armées informe l'opinion nationale et internationale que le lundi 16 juin 2025, aux environs de 10 heures, les Forces armées maliennes (FAMa) ont conduit des frappes aériennes contre un regroupement terroriste dans la forêt de Ténenkou, dans la région de Mopti.",
        "Les frappes, menées après plusieurs jours de surveillance, ont permis de détruire un dépôt logistique et une dizaine de motos. Les images de la surveillance aérienne font état de plusieurs terroristes neutralisés.",
        "Les unités terrestres ont ensuite procédé à la fouille de la zone et récupéré du carburant, des vivres et des engins explosifs en cours de fabrication.",
        _FAMA_END,
    ],
)

_QUOTE = "« Planter un arbre, c'est bien ; le protéger jusqu'à ce qu'il devienne grand, c'est mieux »"

S["reboisement-essor"] = dict(
    site="quotidien", title="Environnement : deux millions de plants pour la campagne nationale de reboisement",
    author="Hawa Sangaré", published="2025-06-22T08:00:00+00:00", section="Environnement",
    paras=[
        "Le ministre de l'Environnement, de l'Assainissement et du Développement durable a lancé, le samedi 21 juin à Koulikoro, la campagne nationale de reboisement 2025. Placée sous le thème « Un Malien, un arbre », elle prévoit la mise en terre de deux millions de plants sur l'ensemble du territoire d'ici la fin du mois de septembre.",
        "La cérémonie s'est tenue sur le site du bois communal de Koulikoro-Gare, où le ministre, le gouverneur de la région et les élus locaux ont planté les premiers caïlcédrats, suivis par plusieurs centaines d'élèves et de membres d'associations de jeunes venus en car de Bamako.",
        "Dans son discours, le ministre a insisté sur le suivi des plantations, dont le taux de survie dépasse rarement 40 % selon les services des eaux et forêts. " + _QUOTE + ", a-t-il lancé, avant d'annoncer que chaque commune devra désormais désigner un comité chargé de l'arrosage et de la protection des jeunes plants contre les animaux.",
        "Les pépinières publiques et privées ont produit cette année des essences locales comme le karité, le néré, le baobab et le balanzan, mais aussi des arbres fruitiers destinés aux écoles et aux centres de santé. Les plants sont cédés gratuitement aux collectivités et aux associations qui en font la demande.",
        "La déforestation progresse de près de 100 000 hectares par an au Mali, sous l'effet de la coupe du bois de chauffe, de l'extension des champs et des feux de brousse, rappellent les services techniques, qui appellent à une plus grande utilisation du gaz butane dans les ménages urbains.",
    ],
)

S["reboisement-tamani"] = dict(
    site="tamani", title="Koulikoro : la campagne de reboisement lancée, les associations réclament des moyens pour l'entretien",
    author=None, published="2025-06-21T18:00:00+00:00", section="Environnement",
    paras=[
        "C'est à Koulikoro que la campagne nationale de reboisement a été officiellement lancée ce samedi. Élèves, scouts et membres des groupements de femmes ont répondu présents pour mettre en terre les premiers plants, sous un soleil de plomb, aux abords du bois communal.",
        "Le ministre en charge de l'environnement a fixé l'objectif de deux millions d'arbres plantés cette année. " + _QUOTE + ", a-t-il déclaré devant les participants, en reconnaissant que beaucoup de plantations des années précédentes n'ont pas survécu à la saison sèche.",
        "Sur place, plusieurs responsables d'associations ont dit leur scepticisme. « Chaque année, on plante devant les caméras, et trois mois après il ne reste presque rien. Nous n'avons ni grillage ni citerne pour arroser », regrette Oumou Traoré, présidente d'une association de femmes de Koulikoro-Ba, qui souhaite un appui pour l'entretien plutôt que de nouveaux plants.",
        "Les agents des eaux et forêts interrogés par Studio Tamani reconnaissent un manque de moyens pour suivre les sites reboisés. Ils estiment que la réussite de la campagne dépendra de l'implication des communautés et des écoles, appelées à parrainer chacune une parcelle.",
        "Dans la région, plusieurs communes ont déjà réservé des espaces pour des bois villageois. Les premières distributions de plants doivent commencer la semaine prochaine dans les cercles de Kati, Banamba et Kolokani. Les agents forestiers comptent aussi sur les radios de proximité pour rappeler chaque semaine les gestes simples qui permettent aux jeunes plants de survivre à leur première saison sèche.",
    ],
)

S["reboisement-flambeau"] = dict(
    site="hebdo", title="Reboisement : à Koulikoro, une campagne de plus ou un vrai tournant ?",
    author="Moussa Keïta", published="2025-06-23T10:00:00+00:00", section="Environnement",
    paras=[
        "Deux millions d'arbres : l'objectif affiché par le gouvernement pour la campagne de reboisement lancée samedi dernier à Koulikoro a de quoi séduire. Mais derrière les images de ministres pelle en main, la question qui revient chaque année demeure : combien de ces plants seront encore debout l'an prochain ?",
        "Le ministre lui-même semble avoir entendu les critiques. " + _QUOTE + ", a-t-il martelé devant les élèves mobilisés pour l'occasion. Une formule juste, mais qui ne dit rien du budget réservé au gardiennage, à l'arrosage et au remplacement des plants morts.",
        "Les chiffres des services forestiers sont pourtant connus. Sur les plantations réalisées lors des dernières campagnes, moins de la moitié auraient survécu au-delà de deux ans. Les causes sont identifiées depuis longtemps : divagation des animaux, absence d'eau en saison sèche et désintérêt une fois la cérémonie terminée.",
        "Certaines communes montrent pourtant la voie. À Dioïla ou à Bougouni, des bois villageois gérés par des comités de jeunes affichent des taux de réussite remarquables, parce que les habitants y trouvent un intérêt direct : fruits, fourrage, bois de service. C'est peut-être là que se trouve la clé d'une politique qui ne se résume pas à une journée de plantation.",
        "En attendant, la déforestation continue d'avancer à un rythme inquiétant, poussée par la demande en bois de chauffe et en charbon des grandes villes. Sans alternative énergétique accessible aux ménages, les deux millions d'arbres de 2025 risquent de peser bien peu.",
    ],
)

_BREVE = "Le gouverneur de la région de Sikasso a présidé, ce {day},"

S["breve-inondations"] = dict(
    site="tamani", title="Sikasso : le comité régional de gestion des inondations en réunion",
    author=None, published="2025-06-10T12:00:00+00:00", section="Flash info", breve=True,
    paras=[
        _BREVE.format(day="mardi 10 juin") + " dans la salle de conférence du gouvernorat, la réunion du comité régional de gestion des catastrophes et des inondations. Les participants ont identifié onze quartiers à risque dans la ville de Sikasso et recommandé le curage immédiat des caniveaux de Médine et de Wayerma. Un numéro vert sera activé dès les premières pluies pour signaler les zones inondées. Le gouverneur a enfin demandé aux maires de faire libérer sans délai les emprises des cours d'eau occupées par des constructions et des dépôts d'ordures, et aux services de la protection civile de prépositionner des embarcations et des tentes.",
    ],
)

S["breve-vaccination"] = dict(
    site="tamani", title="Sikasso : lancement de la campagne de vaccination du cheptel",
    author=None, published="2025-06-13T12:00:00+00:00", section="Flash info", breve=True,
    paras=[
        _BREVE.format(day="vendredi 13 juin") + " à Kléla, le lancement de la campagne de vaccination du bétail contre la péripneumonie contagieuse bovine. Plus de 350 000 bovins doivent être vaccinés en deux mois dans les sept cercles de la région. Les éleveurs ont été invités à présenter leurs animaux aux équipes mobiles des services vétérinaires, qui sillonneront les villages et les campements. L'acte vaccinal est gratuit, a rappelé le directeur régional des services vétérinaires, qui a invité les propriétaires à signaler tout animal malade ou toute mortalité suspecte aux agents les plus proches.",
    ],
)

S["breve-kits"] = dict(
    site="tamani", title="Sikasso : des kits scolaires pour 1 500 élèves orphelins et déplacés",
    author=None, published="2025-06-18T12:00:00+00:00", section="Flash info", breve=True,
    paras=[
        _BREVE.format(day="mercredi 18 juin") + " au lycée public de Sikasso, une cérémonie de remise de kits scolaires à 1 500 élèves orphelins et enfants déplacés. Chaque kit comprend un cartable, des cahiers, des stylos et une tenue scolaire. L'opération, financée par des opérateurs économiques de la région, doit permettre à ces enfants d'aborder sereinement la prochaine rentrée des classes. Le gouverneur a félicité les donateurs et invité les autres opérateurs économiques de la région à suivre leur exemple, avant d'annoncer une seconde distribution dans les cercles de Kadiolo et de Yorosso.",
    ],
)
