"""Syndication web, part 1: the original texts of the syndicated stories (French, Malian-like, fictional).

Each story: the site that first published it (see syndication.py for its copies), title, author
(None = unsigned), publication time (Africa/Bamako = UTC), section and paragraphs.
"""

S = {}

S["kabala"] = dict(
    site="quotidien", title="Eau potable : la station de Kabala II injecte ses premiers mètres cubes dans le réseau de Bamako",
    author="Mariam Coulibaly", published="2025-06-02T09:30:00+00:00", section="Société",
    paras=[
        "La deuxième tranche de la station de traitement d'eau potable de Kabala est entrée en service le samedi 31 mai. Ses premiers mètres cubes ont été injectés dans le réseau de la Société malienne de gestion de l'eau potable (SOMAGEP-SA) en présence du ministre de l'Énergie et de l'Eau et des maires des communes riveraines de la rive droite du fleuve Niger.",
        "Construite à une trentaine de kilomètres en amont de Bamako, l'unité doit porter la capacité de production de la capitale de 312 000 à 456 000 mètres cubes par jour. Selon la direction générale de la SOMAGEP, les quartiers de Kalaban Coura, Sabalibougou, Niamakoro et Senou, où les coupures durent parfois plusieurs jours en saison chaude, seront les premiers à en profiter.",
        "Le chantier, lancé en 2021, a connu plusieurs arrêts liés aux difficultés d'approvisionnement en matériel et à la hausse des coûts du transport. Son coût total est estimé à 98 milliards de francs CFA, financés par l'État et un groupe de bailleurs, dont la Banque islamique de développement et le Fonds saoudien pour le développement.",
        "« Pendant des années, des familles entières ont dû se lever à trois heures du matin pour remplir quelques bidons. Cette station ne règle pas tout, mais elle change la vie de centaines de milliers de personnes », a déclaré le ministre, qui a appelé les usagers à signaler les fuites et les branchements clandestins.",
        "Les techniciens préviennent toutefois que la montée en charge sera progressive. Les nouvelles conduites de refoulement doivent encore être raccordées aux réservoirs de Sébénikoro et de Missabougou, une opération prévue d'ici la fin du mois de juillet. D'ici là, des perturbations restent possibles dans certains secteurs.",
        "Dans les quartiers périphériques, l'annonce est accueillie avec prudence. « On nous a déjà promis l'eau au robinet l'année dernière. Nous attendons de la voir couler avant de nous réjouir », confie Aminata Konaté, vendeuse de condiments à Niamakoro, qui achète encore chaque jour deux barriques à un charretier.",
        "La SOMAGEP annonce par ailleurs le lancement d'une campagne de 25 000 branchements sociaux subventionnés, destinés en priorité aux ménages des zones nouvellement desservies. Les inscriptions seront ouvertes dans les agences commerciales à partir du 15 juin.",
    ],
)

S["meteo"] = dict(
    site="quotidien", title="Hivernage 2025 : Mali-Météo annonce une saison des pluies normale à excédentaire",
    author="Oumar Diakité", published="2025-06-05T08:00:00+00:00", section="Société",
    paras=[
        "L'Agence nationale de la météorologie (Mali-Météo) a rendu publiques, le mercredi 4 juin à Bamako, ses prévisions saisonnières pour l'hivernage 2025. Selon les prévisionnistes, le cumul des pluies devrait être normal à excédentaire sur la majeure partie du pays, notamment dans les régions de Kayes, Koulikoro, Sikasso et Ségou.",
        "Le début de la saison est attendu à une date normale à précoce dans le sud, entre la fin du mois de mai et la mi-juin, et à une date normale dans le centre. Dans les régions du Nord, en revanche, les premières pluies utiles pourraient être tardives, ce qui inquiète les éleveurs dont les troupeaux ont déjà souffert d'une longue période de soudure.",
        "Les prévisions font également état de séquences sèches plus longues que la moyenne en début de saison dans le Sahel occidental, en particulier dans les cercles de Nioro, Diéma et Nara. Les services techniques recommandent aux producteurs de ces zones de privilégier des variétés à cycle court et d'attendre un cumul d'au moins vingt millimètres avant de semer.",
        "Le directeur général de Mali-Météo a insisté sur le risque d'inondations. « Des pluies abondantes sur des sols nus et des villes mal drainées, c'est la combinaison que nous redoutons le plus », a-t-il averti, en rappelant que l'an dernier les crues avaient fait des dizaines de morts et des milliers de sinistrés à travers le pays.",
        "Le ministère de l'Agriculture annonce que ces prévisions seront traduites en conseils agrométéorologiques diffusés en bambara, en peul, en sonrhaï et en tamasheq sur les radios de proximité. Près de 2 000 pluviomètres ont été distribués aux producteurs relais, chargés de transmettre chaque semaine leurs relevés aux agents d'agriculture.",
        "Les autorités municipales de Bamako ont, pour leur part, été invitées à accélérer le curage des collecteurs et à interdire les constructions dans les lits des marigots, régulièrement à l'origine de débordements dans les quartiers de Banconi, Djélibougou et Sikoroni.",
    ],
)

S["siama"] = dict(
    site="quotidien", title="Artisanat : le SIAMA 2025 ouvre ses portes avec 600 exposants",
    author="Aminata Dembélé", published="2025-06-07T16:00:00+00:00", section="Culture",
    paras=[
        "La neuvième édition du Salon international de l'artisanat du Mali (SIAMA) s'est ouverte le vendredi 6 juin au Parc des expositions de Bamako. Près de 600 exposants venus de 14 pays, dont le Sénégal, la Côte d'Ivoire, le Burkina Faso, le Niger et la Guinée, présentent jusqu'au 15 juin leurs créations en bogolan, en cuir, en bronze et en bois sculpté.",
        "La cérémonie d'ouverture a été présidée par la ministre de l'Artisanat, de la Culture, de l'Industrie hôtelière et du Tourisme, en présence de nombreux diplomates et des responsables des chambres de métiers. Après la coupure du ruban, la délégation a visité les stands des teinturières de Kayes et des forgerons de Ségou, très sollicités par les visiteurs.",
        "Pour la ministre, le salon est d'abord une vitrine économique. « L'artisanat fait vivre plus d'un million de Maliens. Chaque pagne tissé à Ségou, chaque sac en cuir de Mopti acheté ici, c'est un revenu qui reste dans nos familles », a-t-elle souligné, invitant les administrations à privilégier les produits locaux dans leurs commandes.",
        "Les organisateurs attendent plus de 80 000 visiteurs en dix jours. Un espace a été réservé aux jeunes artisans formés dans les centres de Bamako et de Sikasso, qui exposent pour la première fois. Des rencontres d'affaires avec des acheteurs de la sous-région sont prévues chaque matin au pavillon principal.",
        "Plusieurs exposants se plaignent toutefois du coût des stands, fixé à 75 000 francs CFA pour les artisans nationaux. « Avec la baisse de la fréquentation touristique, beaucoup d'entre nous n'ont pas vendu grand-chose depuis des mois », explique Souleymane Doumbia, cordonnier à Médina Coura, qui partage son stand avec deux collègues pour réduire les frais.",
        "Le thème retenu cette année, « Artisanat et innovation, moteurs de l'emploi des jeunes », fera l'objet d'un colloque le 12 juin. La clôture du salon sera marquée par la remise des prix du meilleur artisan dans six catégories.",
    ],
)

S["karite"] = dict(  # an AMAP dispatch: AMAP itself is not on the test web
    site="revue", title="Kita : une unité de transformation du karité inaugurée",
    author=None, published="2025-06-09T08:00:00+00:00", section="Économie",
    paras=[
        "Kita, 7 juin (AMAP) – Une unité de transformation des amandes de karité d'une capacité de 3 000 tonnes par an a été inaugurée jeudi à Kita par le gouverneur de la région, en présence des responsables de la coopérative des femmes productrices et des autorités communales.",
        "Réalisée pour un coût de 1,2 milliard de francs CFA, l'usine comprend une presse hydraulique, une chaîne de filtrage et un atelier de conditionnement du beurre en pots et en cartons. Elle doit permettre aux 4 200 membres de la coopérative, réparties dans 63 villages du cercle, de vendre un beurre répondant aux normes exigées par les industriels de la cosmétique et de l'agroalimentaire.",
        "Jusqu'ici, la plupart des productrices vendaient les amandes brutes à des intermédiaires, à des prix variant entre 150 et 250 francs CFA le kilogramme selon la saison. « Transformées et certifiées, ces mêmes amandes peuvent rapporter trois à quatre fois plus », a expliqué la présidente de la coopérative, Mme Sidibé Kadiatou Keïta.",
        "Le gouverneur a salué une initiative qui valorise une ressource longtemps laissée aux seules femmes rurales. Il a invité les services techniques à accompagner la coopérative dans la recherche de marchés, notamment à l'exportation, et à lutter contre la coupe abusive des karités pour la production de charbon de bois.",
        "L'unité emploiera 45 personnes à plein temps, majoritairement des jeunes femmes de Kita formées pendant six mois aux techniques de transformation et aux règles d'hygiène. Un laboratoire de contrôle de la qualité doit y être installé d'ici la fin de l'année avec l'appui d'un partenaire technique.",
        "La région de Kita figure parmi les principales zones de production de karité du pays. Selon les services de l'agriculture, les parcs à karité y couvrent plus de 300 000 hectares, dont une grande partie reste inexploitée faute de moyens de collecte et de stockage.",
    ],
)

S["bourgou"] = dict(
    site="tamani", title="Mopti : les éleveurs peinent à accéder aux bourgoutières",
    author=None, published="2025-06-10T17:30:00+00:00", section="Société",
    paras=[
        "À l'approche de la saison des pluies, de nombreux éleveurs du cercle de Mopti peinent à faire paître leurs troupeaux dans les bourgoutières du delta intérieur du Niger. Plusieurs pistes de transhumance sont fermées ou occupées par des champs, selon les organisations d'éleveurs.",
        "Au marché à bétail de Fatoma, les prix des animaux ont sensiblement baissé ces dernières semaines. Un taureau qui se vendait autour de 450 000 francs CFA en début d'année est aujourd'hui cédé à moins de 300 000 francs, faute d'acheteurs et de pâturages suffisants pour garder les bêtes en bon état.",
        "« Nos animaux maigrissent chaque jour. Les passages que nous empruntions depuis nos grands-parents sont coupés, et nous ne pouvons pas traverser les champs sans provoquer des conflits », témoigne Hamadoun Cissé, éleveur à Konna, joint par téléphone par Studio Tamani.",
        "Le président de la chambre régionale d'agriculture reconnaît des tensions entre agriculteurs et éleveurs dans plusieurs communes. Il plaide pour un balisage des pistes pastorales et pour la tenue de rencontres intercommunautaires avant chaque campagne, afin de fixer les dates d'entrée et de sortie des troupeaux dans les zones cultivées.",
        "Les services de l'élevage signalent également une hausse du prix de l'aliment bétail. Le sac de tourteau de coton, vendu à 7 500 francs CFA l'an dernier, atteint désormais 11 000 francs sur certains marchés de la région, une charge que beaucoup de petits éleveurs ne peuvent plus supporter.",
        "Les autorités régionales annoncent une mission conjointe des services techniques et des élus locaux dans les communes de Konna, Fatoma et Dialloubé dans les prochains jours. Elle doit recenser les pistes obstruées et proposer des solutions avant la montée des eaux du fleuve.",
    ],
)

S["solaire"] = dict(
    site="tamani", title="Tombouctou : des jeunes formés à l'installation et à la réparation de panneaux solaires",
    author=None, published="2025-06-12T11:00:00+00:00", section="Éducation",
    paras=[
        "Une quarantaine de jeunes de Tombouctou ont reçu, le mercredi 11 juin, leurs attestations de fin de formation en installation et en maintenance de systèmes solaires photovoltaïques. La formation, d'une durée de quatre mois, a été organisée par le centre de formation professionnelle de la ville avec l'appui d'une organisation non gouvernementale.",
        "Parmi les bénéficiaires figurent douze jeunes femmes, une première pour ce type de métier dans la région. Les apprenants ont appris à dimensionner une installation, à poser des panneaux sur les toits en banco et à diagnostiquer les pannes les plus fréquentes des batteries et des régulateurs de charge.",
        "Dans une ville où les coupures d'électricité peuvent durer plus de quinze heures par jour, la demande est forte. « Les gens achètent des panneaux au marché, mais personne ne sait les installer correctement. Beaucoup de batteries sont gâtées au bout de quelques mois », explique Fatouma Maïga, l'une des lauréates, qui compte ouvrir un atelier dans le quartier d'Abaradjou.",
        "Chaque bénéficiaire a reçu un kit d'outillage comprenant un multimètre, des pinces et un stock de câbles. Les meilleurs d'entre eux seront placés en stage auprès des entreprises chargées de l'électrification des centres de santé et des écoles de la région.",
        "Le directeur du centre de formation souhaite pérenniser l'initiative. Il plaide pour l'ouverture d'une filière diplômante en énergies renouvelables à Tombouctou, afin d'éviter aux jeunes de devoir partir à Bamako ou à Mopti pour se former, avec tous les frais que cela suppose pour les familles.",
        "Une deuxième promotion de cinquante apprenants doit démarrer en septembre. Les inscriptions sont ouvertes aux jeunes âgés de 18 à 35 ans, qu'ils soient diplômés ou non, au secrétariat du centre situé près du grand marché.",
    ],
)

S["mil"] = dict(  # the original has typos (commerçans, approvisionement, hebdomadaires) that two copies fix
    site="tamani", title="San : le prix du mil flambe sur les marchés à l'approche de la soudure",
    author=None, published="2025-06-14T08:30:00+00:00", section="Économie",
    paras=[
        "Sur les marchés de San, le prix du mil a fortement augmenté ces dernières semaines. Le sac de 100 kilogrammes, qui se négociait à 25 000 francs CFA au lendemain des récoltes, s'échange désormais entre 35 000 et 38 000 francs CFA, selon les commerçans rencontrés par Studio Tamani à la foire hebdomadaires du lundi.",
        "Les grossistes expliquent cette hausse par la faiblesse des stocks paysans après une récolte jugée moyenne dans plusieurs communes du cercle, mais aussi par les difficultés d'approvisionement en provenance des zones de Tominian et de Mandiakuy, où certaines routes sont devenues impraticables.",
        "« Avec 1 500 francs par jour, je n'arrive plus à nourrir ma famille. Avant, je prenais un sac pour le mois ; aujourd'hui, j'achète au kilo », raconte Mariam Dembélé, mère de six enfants, croisée au marché central. Le sorgho et le maïs suivent la même tendance, tandis que le riz local reste relativement stable.",
        "Le service local du commerce et de la concurrence dit suivre la situation de près. Des contrôles ont été menés dans les magasins de stockage pour dissuader la rétention spéculative, et les commerçants ont été invités à afficher leurs prix de façon visible.",
        "Le Commissariat à la sécurité alimentaire annonce des ventes d'intervention de céréales à prix modéré dans les cercles les plus touchés de la région. Selon ses responsables, 1 200 tonnes de mil et de sorgho doivent être mises à la disposition des ménages vulnérables de San à partir de la fin du mois.",
        "Les organisations paysannes, de leur côté, appellent à renforcer les banques de céréales villageoises, qui permettaient autrefois de constituer des réserves après les récoltes et de limiter les effets de la soudure sur les familles les plus pauvres.",
    ],
)

S["forage"] = dict(
    site="tamani", title="Nioro du Sahel : un forage solaire soulage trois villages privés d'eau",
    author=None, published="2025-06-17T10:00:00+00:00", section="Société",
    paras=[
        "Les habitants de Sandaré-Kagoro, Diabigué et Koréra Koré, trois villages du cercle de Nioro du Sahel, ont désormais accès à l'eau potable grâce à un forage équipé d'une pompe solaire et d'un château d'eau de 50 mètres cubes, mis en service le lundi 16 juin.",
        "Jusqu'ici, les femmes parcouraient chaque jour jusqu'à six kilomètres pour puiser de l'eau dans des puits traditionnels qui tarissent dès le mois de mars. Pendant la saison sèche, les familles dépendaient aussi des camions-citernes, dont le bidon de vingt litres pouvait coûter jusqu'à 250 francs CFA.",
        "Le nouvel ouvrage, réalisé pour un montant de 85 millions de francs CFA, alimente douze bornes-fontaines réparties entre les trois villages ainsi qu'un abreuvoir pour le bétail. Un comité de gestion composé de six femmes et de quatre hommes a été mis en place pour collecter les redevances et assurer l'entretien.",
        "« Avant, nos filles manquaient l'école pour aller chercher de l'eau. Aujourd'hui, elles peuvent arriver à l'heure en classe », se réjouit Coumba Diawara, présidente du comité de gestion, interrogée par Studio Tamani lors de la cérémonie de remise de l'ouvrage.",
        "Le préfet du cercle a demandé aux populations de préserver l'équipement et de payer régulièrement la contribution fixée à 10 francs CFA le bidon. Il a rappelé que plusieurs forages de la zone sont hors d'usage faute d'entretien, parfois quelques mois seulement après leur inauguration.",
        "Selon la direction régionale de l'hydraulique, près d'un tiers des villages du cercle de Nioro n'ont toujours pas accès à un point d'eau moderne. Une vingtaine de nouveaux forages sont programmés d'ici 2027 dans le cadre du programme national d'accès à l'eau potable en milieu rural.",
    ],
)

S["dibida"] = dict(
    site="hebdo", title="Bamako : les commerçants du marché Dibida dénoncent la hausse des taxes municipales",
    author="Moussa Keïta", published="2025-06-16T15:00:00+00:00", section="Économie",
    paras=[
        "Les commerçants du marché Dibida, en commune III du district de Bamako, ont observé ce lundi 16 juin une journée de fermeture de leurs boutiques pour protester contre la hausse des taxes municipales. Dès sept heures, les rideaux métalliques étaient baissés et les allées, habituellement bondées, désertes.",
        "En cause, une délibération du conseil communal qui porte la taxe journalière sur les étals de 100 à 250 francs CFA et la redevance mensuelle des boutiques de 5 000 à 12 500 francs CFA. Selon le collectif des commerçants, ces nouveaux tarifs sont appliqués sans concertation depuis le début du mois.",
        "« Nous ne refusons pas de payer. Mais comment accepter une hausse de plus de cent pour cent alors que les affaires ne marchent pas et que le marché n'a ni toilettes ni éclairage ? », s'indigne Bakary Samaké, grossiste en tissus et porte-parole du collectif, qui dit parler au nom de plus de 1 800 commerçants.",
        "Les commerçants dénoncent aussi l'état des infrastructures. Les caniveaux, bouchés par les ordures, débordent à chaque pluie, et plusieurs hangars menacent de s'effondrer. Un incendie survenu il y a deux ans avait détruit une centaine de boutiques sans que les victimes ne soient indemnisées, rappellent-ils.",
        "Joint par nos soins, un adjoint au maire de la commune III défend une mesure nécessaire. Selon lui, les recettes du marché ne couvrent même pas les frais de ramassage des ordures et de gardiennage, et la hausse doit financer la réhabilitation des toitures et l'installation de lampadaires solaires avant la fin de l'année.",
        "Une rencontre entre la mairie, le collectif des commerçants et la chambre de commerce est annoncée pour le jeudi 19 juin. En attendant, le collectif menace de reconduire le mouvement chaque lundi si la délibération n'est pas suspendue.",
    ],
)

S["or"] = dict(  # an AFP dispatch: first carried by hebdo, « Avec AFP »
    site="hebdo", title="Or : les recettes minières du Mali en forte hausse au premier trimestre",
    author=None, published="2025-06-18T10:00:00+00:00", section="Économie",
    paras=[
        "Les recettes tirées du secteur minier malien ont fortement progressé au premier trimestre, portées par l'envolée des cours de l'or sur les marchés internationaux, selon un rapport du ministère de l'Économie et des Finances consulté mardi.",
        "Entre janvier et mars, l'État a encaissé 412 milliards de francs CFA au titre des impôts, des redevances et des dividendes versés par les sociétés minières, contre 268 milliards sur la même période de l'an dernier. L'or représente à lui seul plus de 80 % des exportations du pays.",
        "Cette hausse s'explique en grande partie par l'application du nouveau code minier, qui a relevé la participation de l'État dans les mines et renforcé les obligations fiscales des exploitants, expliquent des économistes interrogés à Bamako.",
        "La production industrielle a pourtant légèrement reculé, à environ 14 tonnes sur le trimestre, en raison de différends entre l'État et plusieurs opérateurs étrangers sur l'application des nouvelles règles. Certaines exportations ont été suspendues pendant plusieurs semaines avant la conclusion d'accords.",
        "« Le prix de l'once a compensé la baisse des volumes, mais cette situation ne durera pas éternellement », prévient un analyste basé à Dakar, qui souligne la dépendance du budget malien à un seul produit et appelle à diversifier les sources de recettes.",
        "Le gouvernement affirme vouloir consacrer une partie de ces ressources supplémentaires à l'énergie et aux infrastructures routières. Un collectif budgétaire doit être examiné par le Conseil national de Transition au cours de sa prochaine session.",
        "Avec AFP",
    ],
)

S["djoliba"] = dict(  # credited to Le Challenger, which is not on the test web: the earliest copy is the original
    site="portail", title="Ligue 1 : le Djoliba AC sacré champion à une journée de la fin",
    author=None, published="2025-06-19T08:00:00+00:00", section="Sport",
    paras=[
        "Le Djoliba Athletic Club a remporté le championnat national de Ligue 1 à une journée de la fin de la saison, après sa victoire (2-1) face à l'AS Bakaridjan de Barouéli, le mercredi 18 juin au stade Modibo Kéïta de Bamako. Les Rouges comptent désormais sept points d'avance sur leur dauphin et ne peuvent plus être rejoints.",
        "Menés au score dès la 12e minute sur un coup franc direct, les hommes de l'entraîneur ont égalisé peu avant la pause par leur attaquant vedette, auteur de son quinzième but de la saison. Le but de la victoire est intervenu à la 78e minute, d'une tête sur un corner, déclenchant la joie des quelque 10 000 supporters présents dans les tribunes.",
        "C'est le 24e titre de champion de l'histoire du club de Hamdallaye, qui avait perdu sa couronne la saison dernière au profit de son rival historique. Cette consécration lui ouvre les portes de la prochaine Ligue des champions de la CAF, dont le tour préliminaire se jouera au mois d'août.",
        "« Ce titre est celui d'un groupe qui n'a jamais lâché, même quand nous étions à cinq points du premier à la mi-saison. Il appartient aux joueurs et à nos supporters », a réagi l'entraîneur au coup de sifflet final, sous les chants de ses joueurs.",
        "Le président du club a promis une prime spéciale aux joueurs et annoncé des renforts pour la campagne africaine. Il a également appelé la Fédération malienne de football à améliorer l'état des pelouses, jugé indigne d'un championnat qui se veut professionnel.",
        "En bas du classement, la lutte pour le maintien reste indécise. Trois équipes sont encore menacées de relégation avant la dernière journée, programmée le dimanche 22 juin sur l'ensemble des terrains du pays.",
        "Source : Le Challenger",
    ],
)

S["comanav"] = dict(
    site="quotidien", title="Transport fluvial : la COMANAV annonce la reprise de la navigation entre Koulikoro et Gao",
    author="Sidiki Doumbia", published="2025-06-19T09:00:00+00:00", section="Économie",
    paras=[
        "La Compagnie malienne de navigation (COMANAV) a annoncé la reprise de la navigation commerciale sur le fleuve Niger entre Koulikoro et Gao à partir du 15 juillet, à la faveur de la montée des eaux. L'annonce a été faite le mercredi 18 juin par son directeur général lors d'une conférence de presse au siège de la compagnie à Koulikoro.",
        "Deux bateaux, le Tombouctou et le Kankou Moussa, ont été remis en état au chantier naval de Koulikoro après plusieurs mois de travaux sur les moteurs, les coques et les équipements de sécurité. Ils assureront une rotation par semaine dans chaque sens, avec des escales à Ségou, Mopti, Niafunké, Diré et Tombouctou.",
        "Pour la compagnie, cette reprise est un enjeu vital pour les populations du Nord, dont l'approvisionnement dépend largement du fleuve pendant la saison des hautes eaux. Chaque convoi pourra transporter jusqu'à 300 passagers et 250 tonnes de marchandises, notamment des céréales, du sucre, du ciment et du carburant.",
        "Le directeur général a reconnu que la sécurité reste la principale préoccupation. Des mesures ont été prises en concertation avec les forces de défense et de sécurité pour accompagner les convois sur les tronçons jugés sensibles, a-t-il indiqué, sans donner davantage de détails.",
        "Les tarifs restent inchangés par rapport à la dernière campagne : 25 000 francs CFA en troisième classe entre Mopti et Tombouctou et 60 000 francs CFA en cabine. La compagnie annonce cependant une réduction de 20 % pour les élèves et les étudiants pendant les vacances scolaires.",
        "Créée au lendemain de l'indépendance, la COMANAV traverse depuis plusieurs années de graves difficultés financières liées au vieillissement de sa flotte. Un plan de relance prévoyant l'acquisition de deux nouveaux bateaux est en discussion avec l'État et ses partenaires.",
    ],
)
