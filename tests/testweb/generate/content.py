"""Article texts for the test web (French, Malian-like, fictional)."""

A = {}

A["W1"] = dict(
    title="Conseil des ministres : le gouvernement adopte le projet de loi sur la nouvelle carte judiciaire",
    author="Awa Diallo", published="2025-06-22T10:30:00+00:00", modified="2025-06-22T14:05:00+00:00",
    section="Politique", tags=["Conseil des ministres", "Justice"],
    paras=[
        "Le Conseil des ministres s'est réuni le mercredi 18 juin 2025 dans sa salle de délibérations au palais de Koulouba, sous la présidence du chef de l'État. Au menu de cette session ordinaire figuraient plusieurs textes législatifs et réglementaires, dont le très attendu projet de loi portant création, organisation et fonctionnement des juridictions de la nouvelle carte judiciaire.",
        "Selon le communiqué lu à la télévision nationale par le secrétaire général du gouvernement, ce texte vise à rapprocher la justice des justiciables. Il prévoit la création de onze nouveaux tribunaux de grande instance et de vingt-quatre justices de paix à compétence étendue, notamment dans les régions de Nioro du Sahel, de Bougouni, de Dioïla et de San, où les populations devaient jusqu'ici parcourir plus de deux cents kilomètres pour une simple audience.",
        "Le ministre de la Justice et des Droits de l'Homme a expliqué que la réforme tient compte du nouveau découpage administratif adopté il y a deux ans. « Il n'était plus possible de maintenir une organisation judiciaire pensée pour huit régions alors que le pays en compte désormais dix-neuf », a-t-il déclaré devant la presse à l'issue de la session.",
        "Le texte prévoit également le recrutement de cent cinquante magistrats et de trois cents greffiers sur trois ans. Le coût de la mise en œuvre est estimé à 42 milliards de francs CFA, dont une partie devrait être couverte par les partenaires techniques et financiers, a précisé le ministre de l'Économie et des Finances.",
        "Au cours de la même session, le Conseil a adopté un décret fixant les modalités de gestion du fonds d'appui à l'autonomisation des femmes et des jeunes. Il a aussi procédé à des mesures individuelles de nomination au ministère des Affaires étrangères et au ministère de l'Administration territoriale.",
        "Les syndicats de magistrats, consultés lors de l'élaboration du projet, saluent une avancée tout en réclamant des garanties sur les moyens de fonctionnement. « Créer des juridictions sans bâtiments, sans véhicules et sans budget ne servira à rien », prévient le président du Syndicat autonome de la magistrature, qui demande un calendrier précis de construction des palais de justice.",
        "Le projet de loi sera transmis au Conseil national de Transition pour examen lors de la session ordinaire qui s'ouvre au début du mois de juillet.",
    ],
)

A["W2"] = dict(
    title="Campagne cotonnière 2025-2026 : la CMDT vise 780 000 tonnes de coton graine",
    author="Moussa Koné", published="2025-06-20T08:15:00+00:00", modified="2025-06-20T08:15:00+00:00",
    section="Économie", tags=["Coton", "CMDT", "Agriculture"],
    paras=[
        "La Compagnie malienne pour le développement des textiles (CMDT) a présenté le mardi 17 juin à Bamako ses objectifs pour la campagne agricole 2025-2026. L'entreprise publique table sur une production de 780 000 tonnes de coton graine, contre 680 000 tonnes lors de la campagne précédente, marquée par des pluies irrégulières dans le bassin cotonnier.",
        "Pour atteindre cet objectif, la CMDT compte sur l'emblavement de 820 000 hectares répartis entre les filiales de Koutiala, Sikasso, Fana et Kita. Le directeur général de la compagnie a insisté sur la mise à disposition précoce des intrants. « Plus de 90 % des engrais sont déjà positionnés dans les magasins des coopératives, ce qui n'était jamais arrivé à cette date », s'est-il félicité.",
        "Le prix d'achat au producteur du coton graine de premier choix est maintenu à 300 francs CFA le kilogramme. Les subventions de l'État sur les engrais, évaluées à 38 milliards de francs CFA, permettent de céder le sac de 50 kilogrammes à 14 000 francs CFA aux producteurs.",
        "Les représentants de l'Union nationale des sociétés coopératives de producteurs de coton ont pris acte de ces annonces. Ils réclament toutefois le paiement rapide des arriérés de la campagne écoulée. Dans certaines zones de la filiale de Fana, des producteurs attendent encore le règlement de leurs livraisons de février.",
        "Les experts rappellent que la filière cotonnière fait vivre près de quatre millions de Maliens et demeure, avec l'or, l'une des principales sources de devises du pays. La baisse des cours mondiaux observée depuis le début de l'année inquiète néanmoins les égreneurs, qui craignent une compression de leurs marges.",
        "La CMDT annonce par ailleurs la construction d'une nouvelle usine d'égrenage à Kadiolo, dont la mise en service est prévue pour la campagne 2026-2027. Cette unité devrait traiter 60 000 tonnes de coton graine par an et créer environ deux cents emplois saisonniers dans la région.",
    ],
    v2_extra="Mise à jour du 25 juin : le conseil d'administration de la CMDT a confirmé le paiement intégral des arriérés aux producteurs de la filiale de Fana avant le 15 juillet.",
)

A["W3"] = dict(
    title="Football : les Aigles du Mali dominent la Mauritanie en match amical à Nouakchott",
    author="Ibrahim Sangaré", published="2025-06-18T21:40:00+00:00", modified="2025-06-19T07:10:00+00:00",
    section="Sport", tags=["Aigles du Mali", "Football"],
    paras=[
        "L'équipe nationale du Mali a pris le meilleur sur la Mauritanie (2-0) le mardi 17 juin au stade Cheikha Ould Boïdiya de Nouakchott, en match amical international. Une rencontre de préparation utile pour le sélectionneur, qui souhaitait évaluer plusieurs jeunes joueurs avant les éliminatoires de la Coupe du monde prévues en septembre.",
        "Les Aigles ont ouvert le score dès la 12e minute par l'intermédiaire de leur milieu offensif, auteur d'une frappe enroulée du pied gauche à l'entrée de la surface. Les Mourabitounes ont réagi en fin de première période, mais le gardien malien s'est interposé à deux reprises devant l'attaquant mauritanien.",
        "Au retour des vestiaires, le sélectionneur a procédé à six changements, offrant leur première sélection à trois joueurs évoluant dans le championnat national. L'un d'eux, le jeune ailier du Djoliba AC, a été à l'origine du second but à l'heure de jeu, en délivrant un centre millimétré pour la tête du capitaine.",
        "« Je suis satisfait de l'état d'esprit du groupe. Nous avons vu de bonnes choses, mais il reste beaucoup de travail dans la transition défensive », a confié le technicien en conférence de presse d'après-match. Il a également salué l'accueil réservé à la délégation malienne par les autorités et les supporters mauritaniens.",
        "Plusieurs cadres étaient absents pour ce rassemblement, retenus par leurs clubs européens ou en phase de reprise après une blessure. Leur retour est attendu pour le stage de septembre, qui devrait se tenir à Bamako si la pelouse du stade du 26-Mars est jugée praticable après les travaux de rénovation.",
        "Les Aigles, actuellement deuxièmes de leur groupe de qualification, recevront les Comores avant de se déplacer au Ghana dans une double confrontation décisive pour la suite des éliminatoires.",
    ],
)

A["W4"] = dict(
    title="Bamako : la mairie lance le curage des caniveaux avant l'hivernage",
    author="Fatoumata Coulibaly", published="2025-06-15T07:00:00+00:00", modified="2025-06-15T07:00:00+00:00",
    section="Société", tags=["Bamako", "Hivernage", "Assainissement"],
    paras=[
        "À l'approche de la saison des pluies, la mairie du district de Bamako a lancé le samedi 14 juin une vaste opération de curage des caniveaux et des collecteurs dans les six communes de la capitale. L'objectif affiché est d'éviter la répétition des inondations meurtrières qui avaient frappé plusieurs quartiers au cours des hivernages précédents.",
        "Le coup d'envoi a été donné au bord du collecteur du Diafarana Kô, en commune II, en présence des maires d'arrondissement, des chefs de quartier et de nombreux jeunes volontaires munis de pelles et de brouettes. Plus de 120 kilomètres de caniveaux doivent être dégagés en trois semaines, selon le calendrier présenté par les services techniques.",
        "Pour les habitants de Banconi et de Sikoroni, régulièrement touchés par les crues, l'opération arrive à point nommé. « Chaque année, l'eau entre dans nos maisons parce que les caniveaux sont bouchés par les ordures et le sable. Si le travail est bien fait, nous dormirons plus tranquilles », témoigne une commerçante du marché de Banconi.",
        "Le maire du district a toutefois rappelé que le curage ne suffira pas sans un changement des comportements. Il a appelé les populations à ne plus déverser leurs déchets ménagers dans les canaux et annoncé le renforcement des brigades urbaines de protection de l'environnement, qui pourront verbaliser les contrevenants.",
        "Les prévisions saisonnières de l'Agence nationale de la météorologie annoncent une installation précoce des pluies sur la partie sud du pays, avec des cumuls supérieurs à la normale. La direction régionale de la protection civile a, de son côté, prépositionné des équipes et du matériel de secours dans les zones jugées à risque.",
        "Le budget de l'opération, estimé à 1,2 milliard de francs CFA, est financé par le district avec l'appui du ministère de l'Environnement et de plusieurs partenaires de la coopération décentralisée.",
    ],
)

A["W5"] = dict(
    title="Éducation : les résultats du DEF 2025 attendus dans les prochains jours",
    author="Awa Diallo", published="2025-06-24T09:00:00+00:00", modified="2025-06-24T09:00:00+00:00",
    section="Société", tags=["Éducation", "Examens"],
    paras=[
        "Les correcteurs du Diplôme d'études fondamentales (DEF) ont achevé leurs travaux le lundi 23 juin dans les dix-neuf académies d'enseignement du pays. Selon le Centre national des examens et concours de l'éducation, les résultats devraient être proclamés avant la fin de la semaine prochaine, soit dans les délais annoncés en début d'année.",
        "Cette année, 238 000 candidats étaient inscrits à l'examen, dont une majorité de filles pour la troisième année consécutive. Les épreuves écrites se sont déroulées du 2 au 5 juin sans incident majeur, à l'exception de quelques centres du centre du pays où la sécurité a nécessité le déploiement de forces supplémentaires.",
        "Le ministre de l'Éducation nationale a salué l'engagement des enseignants correcteurs, dont les primes ont été revalorisées après une longue négociation avec les syndicats. « Nous avons tenu nos engagements et les enseignants ont tenu les leurs », a-t-il déclaré lors d'une visite au centre de correction du lycée Askia Mohamed de Bamako.",
        "Les parents d'élèves attendent les résultats avec impatience, d'autant que l'orientation vers les lycées publics dépendra cette année d'une moyenne minimale plus élevée. Plusieurs associations de parents dénoncent une mesure qui risque de pousser davantage d'enfants vers les établissements privés, dont les frais de scolarité restent hors de portée de nombreuses familles.",
        "Les résultats seront affichés dans les centres d'examen et publiés sur le site du ministère. Un service de consultation par SMS sera également ouvert, comme l'année dernière, en partenariat avec les opérateurs de téléphonie mobile.",
        "Le Centre national des examens rappelle enfin que les demandes de correction des erreurs matérielles devront être déposées dans les académies dans un délai de quinze jours après la proclamation.",
    ],
)

A["A1"] = dict(
    title="Kayes : la route Kayes-Sadiola enfin réhabilitée, les usagers soulagés",
    author="Oumar Diakité", published="2025-06-21T09:12:00+00:00", section="Régions", source="L'Essor",
    paras=[
        "Après plus de trois ans de travaux, la route reliant Kayes à Sadiola a été officiellement mise en service le jeudi 19 juin. Longue de 87 kilomètres, cette voie bitumée dessert l'une des principales zones aurifères du pays et devait depuis longtemps être remise en état, tant les nids-de-poule rendaient le trajet pénible pour les transporteurs comme pour les voyageurs.",
        "La cérémonie d'inauguration s'est déroulée à Sadiola en présence du ministre des Transports et des Infrastructures, du gouverneur de la région de Kayes et des autorités coutumières. Le chantier, d'un coût de 58 milliards de francs CFA, a été financé par l'État avec l'appui de la Banque ouest-africaine de développement.",
        "Pour les chauffeurs de camions qui transportent le carburant et les équipements vers les mines, le changement est immédiat. « Avant, il fallait parfois six heures pour faire le trajet en saison des pluies. Aujourd'hui, nous mettons à peine une heure et demie », explique un transporteur rencontré au poste de péage de Diamou.",
        "Les commerçantes des marchés hebdomadaires se réjouissent également. Elles peuvent désormais acheminer leurs produits maraîchers vers Kayes sans craindre que les tomates et les oignons ne s'abîment sur la route. Le prix du transport entre les deux villes a d'ailleurs baissé de près d'un tiers depuis l'ouverture partielle de la voie en mars.",
        "Le ministre a toutefois appelé les usagers au respect de la charge à l'essieu, rappelant que la surcharge des camions reste la première cause de dégradation précoce des routes au Mali. Des pesages mobiles seront installés à l'entrée de Kayes et à Sadiola dans les prochaines semaines.",
        "Les populations des villages traversés ont demandé la construction de ralentisseurs et de passages piétons, plusieurs accidents ayant été enregistrés depuis la mise en circulation.",
    ],
)

A["A2"] = dict(
    title="Bandiagara : reprise des cours dans plusieurs écoles fermées depuis deux ans",
    author=None, published="2025-06-19", section="Éducation", source="Studio Tamani",
    paras=[
        "Une vingtaine d'écoles fermées en raison de l'insécurité ont rouvert leurs portes dans le cercle de Bandiagara, selon l'académie d'enseignement de la région. Plus de quatre mille élèves ont ainsi pu reprendre le chemin des classes pour des cours de rattrapage organisés pendant les mois de juin et de juillet.",
        "Les enseignants redéployés dans ces localités disent avoir été bien accueillis par les communautés. « Les parents sont venus nous aider à nettoyer les salles et à réparer les tables-bancs. Tout le monde voulait que les enfants retournent à l'école », raconte un directeur d'école de la commune de Doucombo.",
        "La réouverture a été rendue possible grâce à une amélioration relative de la situation sécuritaire et à la médiation des leaders communautaires. Des comités de veille composés de notables, de femmes et de jeunes ont été mis en place dans chaque village pour alerter en cas de menace.",
        "Le directeur de l'académie estime cependant que le chemin reste long. Selon lui, près de cent écoles demeurent fermées dans la région, privant des milliers d'enfants d'éducation. Il plaide pour la construction de nouvelles salles de classe et la dotation en kits scolaires, de nombreuses familles ayant perdu leurs moyens de subsistance.",
        "Les organisations humanitaires présentes dans la zone soutiennent l'initiative par la distribution de repas scolaires. Elles rappellent que la cantine reste, pour beaucoup d'enfants, le seul repas chaud de la journée et qu'elle contribue fortement au maintien des filles à l'école.",
        "Les élèves concernés passeront des évaluations à la fin du mois de juillet afin de déterminer leur niveau et leur classe pour la prochaine rentrée scolaire.",
    ],
)

A["A3"] = dict(
    title="CNT : les conseillers examinent le projet de loi de finances rectificative",
    author="Mariam Sanogo", published="2025-06-17T16:20:00+00:00", section="Politique", source="Info-Matin",
    paras=[
        "Les membres du Conseil national de Transition ont entamé le lundi 16 juin l'examen du projet de loi de finances rectificative pour l'exercice 2025. Le texte, présenté par le ministre de l'Économie et des Finances devant la commission des finances, revoit à la hausse les dépenses de sécurité et d'énergie tout en réduisant certaines dépenses de fonctionnement de l'administration.",
        "Selon le document transmis aux conseillers, les recettes budgétaires sont désormais estimées à 2 830 milliards de francs CFA, en hausse de 4 % par rapport à la loi initiale, grâce notamment aux nouvelles dispositions du code minier et à l'amélioration du recouvrement des impôts. Les dépenses passent quant à elles à 3 310 milliards de francs CFA.",
        "Le ministre a justifié ces ajustements par la nécessité de faire face à la crise énergétique et de soutenir la société Énergie du Mali, dont les difficultés financières pèsent sur l'ensemble de l'économie. Une enveloppe supplémentaire de 120 milliards de francs CFA est prévue pour l'achat de combustible et la maintenance des centrales thermiques.",
        "Plusieurs conseillers ont interpellé le gouvernement sur le niveau d'endettement intérieur et sur les retards de paiement dus aux entreprises privées. « Nos PME ferment parce que l'État ne paie pas ses factures », a lancé un élu de la commission, qui a demandé un calendrier d'apurement de la dette intérieure.",
        "Le ministre a répondu qu'un plan de règlement des arriérés était en cours de finalisation avec les banques de la place et qu'il serait présenté avant la fin du trimestre. Il a également rappelé les efforts engagés pour élargir l'assiette fiscale, notamment dans le secteur informel.",
        "Le vote du texte en séance plénière est prévu pour la fin du mois de juin.",
    ],
)

A["A4"] = dict(
    title="Sécurité alimentaire : le PAM alerte sur une période de soudure difficile dans le Nord",
    author="Boubacar Touré", published="2025-06-14", section="Société", source="Le Républicain",
    paras=[
        "Le Programme alimentaire mondial (PAM) a tiré la sonnette d'alarme sur la situation alimentaire dans les régions du Nord et du Centre du Mali. Dans une note publiée la semaine dernière, l'agence onusienne estime que plus de 1,3 million de personnes pourraient se trouver en situation d'insécurité alimentaire aiguë pendant la période de soudure, qui s'étend de juin à septembre.",
        "La hausse des prix des céréales sur les marchés locaux, conjuguée aux difficultés d'approvisionnement de certaines localités, explique en grande partie cette dégradation. À Tombouctou, le prix du sac de riz de cinquante kilogrammes a augmenté de près de 20 % en un an, selon les relevés du système d'alerte précoce.",
        "Les éleveurs sont également touchés par le manque de pâturages et la baisse du prix du bétail, qui réduit leur pouvoir d'achat au moment où les ménages ont le plus besoin de vendre des animaux pour acheter des vivres. Les transhumances ont été perturbées dans plusieurs zones par l'insécurité.",
        "Le PAM indique avoir besoin de 85 millions de dollars pour assister les populations les plus vulnérables au cours des six prochains mois. Faute de financements suffisants, l'agence a déjà dû réduire les rations distribuées aux personnes déplacées internes dans certains sites de la région de Mopti.",
        "Le Commissariat à la sécurité alimentaire assure de son côté que des ventes d'intervention de céréales à prix modérés seront organisées dans les cercles les plus touchés. Le stock national de sécurité a été reconstitué à hauteur de 35 000 tonnes, selon les autorités.",
        "Les organisations paysannes appellent enfin à un soutien accru à la production locale, seule solution durable selon elles pour réduire la dépendance aux importations et à l'aide extérieure.",
    ],
)

A["A5"] = dict(
    title="Sikasso : les producteurs de mangues cherchent de nouveaux débouchés",
    author="Salif Berthé", published="2025-06-11T08:00:00+00:00", section="Économie", source="L'Essor",
    paras=[
        "La campagne de la mangue bat son plein dans la région de Sikasso, mais les producteurs peinent à écouler leurs récoltes. Faute d'unités de transformation suffisantes et de moyens de conservation, une part importante des fruits pourrit chaque année dans les vergers ou sur le bord des routes.",
        "Selon l'interprofession de la filière mangue, le Mali produit environ 600 000 tonnes de mangues par an, dont à peine 8 % sont exportées vers l'Europe et les pays voisins. Le reste est consommé localement ou perdu. Les pertes post-récolte sont estimées à près de 40 % de la production.",
        "À Sikasso, une coopérative de femmes s'est lancée dans le séchage solaire des mangues. Avec dix séchoirs installés grâce à l'appui d'une organisation non gouvernementale, elle transforme désormais plusieurs tonnes de fruits par semaine. « La mangue séchée se vend bien à Bamako et même à Dakar. Il nous faut seulement plus d'équipements », explique sa présidente.",
        "Les exportateurs, eux, pointent le coût du fret et les exigences phytosanitaires des marchés européens, notamment en matière de lutte contre la mouche des fruits. Un programme de traitement des vergers financé par l'État et ses partenaires a permis de réduire les interceptions aux frontières, mais il reste insuffisant.",
        "Le directeur régional de l'agriculture annonce la construction prochaine d'une chambre froide d'une capacité de 500 tonnes à Sikasso et encourage les jeunes à investir dans la transformation en jus, en confiture et en purée.",
        "Les producteurs espèrent que ces investissements arriveront rapidement, la saison ne durant que quelques semaines chaque année.",
    ],
)

A["C1"] = dict(
    title="Koulouba : le président de la Transition, le général Assimi Goïta, reçoit les chefs religieux",
    author="Amadou Traoré", published="2025-06-22T10:30:00+00:00", section="Politique",
    datestr="Publié le dimanche 22 juin 2025 à 10h30",
    paras=[
        "Le président de la Transition, le général d'armée Assimi Goïta, a reçu le samedi 21 juin au palais de Koulouba une délégation des principales confessions religieuses du pays. La rencontre, qui a duré près de trois heures, s'inscrit dans le cadre des consultations engagées par le chef de l'État avec les forces vives de la Nation sur la cohésion sociale et la paix.",
        "La délégation comprenait des représentants du Haut conseil islamique du Mali, de l'Église catholique, de l'Église protestante ainsi que des familles fondatrices de Bamako. Les leaders religieux ont remis au président un mémorandum portant sur la situation sécuritaire, la cherté de la vie et la crise énergétique qui affecte les ménages et les entreprises.",
        "À sa sortie d'audience, le porte-parole de la délégation a salué la disponibilité du chef de l'État. « Nous avons parlé en toute franchise. Le président Assimi Goïta nous a écoutés et nous a assuré que les préoccupations des populations seront prises en compte », a-t-il indiqué à la presse présidentielle.",
        "Selon un communiqué de la présidence, le général Goïta a remercié les religieux pour leur rôle dans la préservation de la paix sociale et les a invités à poursuivre les prêches en faveur de la tolérance et du vivre-ensemble. Il a également annoncé la tenue prochaine d'une journée nationale de prières pour la paix.",
        "Cette audience intervient quelques jours après la rencontre du chef de l'État avec les organisations de la société civile et les représentants des partis politiques. D'autres consultations sont prévues avec les syndicats et le patronat avant la fin du mois de juin, selon le secrétariat général de la présidence.",
        "Pour de nombreux observateurs, ces échanges visent à apaiser le climat politique et social avant l'adoption de plusieurs réformes importantes, dont la révision de la charte des partis politiques et le projet de loi sur la carte judiciaire.",
    ],
)

A["C2"] = dict(
    title="Réforme de la charte des partis : la classe politique divisée sur le calendrier",
    author="Amadou Traoré", published="2025-06-18T16:45:00+00:00", section="Politique",
    datestr="Publié le 18/06/2025 à 16:45",
    paras=[
        "La relecture de la charte des partis politiques continue de diviser la classe politique malienne. Lors d'un atelier organisé le mardi 17 juin par le ministère de l'Administration territoriale, les représentants des formations politiques n'ont pas réussi à s'accorder sur le calendrier de mise en œuvre des nouvelles dispositions.",
        "Le projet de texte prévoit un durcissement des conditions de création et de financement des partis. Chaque formation devra justifier d'une implantation dans au moins dix régions et présenter des comptes certifiés chaque année. Les partis qui ne participeraient à aucune élection pendant deux cycles successifs seraient dissous d'office.",
        "Certains responsables politiques estiment que ces mesures sont nécessaires pour assainir un paysage qui compte plus de deux cents partis, dont beaucoup n'existent que sur le papier. D'autres y voient une volonté de réduire l'espace démocratique pendant la Transition. « On ne peut pas réformer les partis sans les partis », dénonce le secrétaire général d'une formation de l'opposition.",
        "Le ministre a assuré que le texte final tiendrait compte des observations formulées lors des concertations régionales. Il a rappelé que la réforme faisait partie des recommandations des assises nationales et qu'elle devait être adoptée avant l'organisation des prochaines consultations électorales.",
        "Les organisations de la société civile spécialisées dans l'observation électorale demandent pour leur part une période de transition d'au moins deux ans pour permettre aux partis de se conformer aux nouvelles règles, notamment en matière de transparence financière.",
        "Une nouvelle version du projet devrait être soumise au Conseil des ministres dans les prochaines semaines.",
    ],
)

A["C3"] = dict(
    title="Santé : une campagne de vaccination contre la rougeole dans le district de Bamako",
    author="Mariam Keïta", published="2025-06-20", section="Société",
    datestr="Mis en ligne le vendredi 20 juin 2025",
    paras=[
        "Le ministère de la Santé et du Développement social a lancé une campagne de vaccination contre la rougeole dans les six communes du district de Bamako. Pendant dix jours, les équipes mobiles passeront de porte en porte pour vacciner les enfants âgés de neuf mois à cinq ans, quel que soit leur statut vaccinal antérieur.",
        "Cette campagne fait suite à la notification de plusieurs foyers de rougeole dans les quartiers périphériques de la capitale depuis le début de l'année. Selon la direction régionale de la santé, plus de 300 cas suspects ont été enregistrés, dont une quarantaine confirmés par le laboratoire national de référence.",
        "Au total, près de 450 000 enfants sont ciblés. Les vaccins, fournis par l'Unicef et l'Alliance du vaccin, ont été acheminés dans les centres de santé communautaires, qui serviront de points fixes pendant toute la durée de l'opération. Les équipes disposent également de vitamine A et de comprimés de déparasitage.",
        "La directrice régionale de la santé a appelé les parents à présenter leurs enfants aux vaccinateurs. « La rougeole n'est pas une maladie banale. Elle peut entraîner la cécité, des pneumonies et même la mort. Le vaccin est gratuit, sûr et efficace », a-t-elle insisté lors du lancement au centre de santé de référence de la commune V.",
        "Les leaders religieux et les chefs de quartier ont été associés à la mobilisation sociale afin de lever les réticences de certains parents. Des messages de sensibilisation sont diffusés en bambara sur les radios de proximité.",
        "Les autorités sanitaires prévoient d'étendre la campagne aux régions de Koulikoro et de Ségou au mois de juillet.",
    ],
)

A["C4"] = dict(
    title="Énergie : EDM-SA promet de réduire les délestages d'ici la fin de l'année",
    author="Boubacar Sidibé", published="2025-06-16T09:45:00+00:00", section="Économie",
    datestr="Lundi 16 Juin 2025 - 09:45",
    paras=[
        "La société Énergie du Mali (EDM-SA) a présenté le jeudi 12 juin son plan d'urgence pour réduire les coupures d'électricité qui exaspèrent les ménages et paralysent de nombreuses activités économiques depuis plus d'un an. Le directeur général de la société a promis une amélioration sensible de la fourniture d'ici le mois de décembre.",
        "Le plan repose sur trois volets : la remise en service de groupes thermiques à l'arrêt faute de pièces de rechange, la mise en service de deux centrales solaires d'une capacité totale de 150 mégawatts et le renforcement des interconnexions avec la Côte d'Ivoire et la Guinée. Le coût global est estimé à 210 milliards de francs CFA.",
        "Le directeur général a reconnu que la société traversait une situation financière très difficile, avec une dette cumulée auprès des fournisseurs de combustible dépassant 300 milliards de francs CFA. Il a plaidé pour une révision de la structure tarifaire, tout en assurant que les ménages les plus modestes seraient protégés.",
        "Dans les quartiers de Bamako, les habitants restent sceptiques. « Cela fait des mois qu'on nous promet des améliorations. Nous avons parfois six heures de courant par jour », témoigne un soudeur de Kalaban Coura, contraint d'investir dans un groupe électrogène pour maintenir son atelier en activité.",
        "Les organisations patronales estiment que les délestages ont déjà entraîné la fermeture de plusieurs petites unités industrielles et la perte de milliers d'emplois. Elles demandent à l'État d'accélérer les projets d'énergie renouvelable et d'ouvrir davantage la production aux investisseurs privés.",
        "Le ministre de l'Énergie a annoncé qu'un comité de suivi du plan se réunirait chaque mois et publierait un état d'avancement des travaux.",
    ],
)

A["C5"] = dict(
    title="Transport aérien : une nouvelle ligne Bamako-Tombouctou ouverte chaque semaine",
    author="Mariam Keïta", published="2025-06-24T11:00:00+00:00", section="Économie",
    datestr="Publié le mardi 24 juin 2025 à 11h00",
    paras=[
        "La compagnie aérienne nationale a effectué le lundi 23 juin son vol inaugural entre Bamako et Tombouctou. La nouvelle ligne sera desservie deux fois par semaine, le lundi et le jeudi, avec un appareil de soixante-dix places, a annoncé la direction de la compagnie lors d'une conférence de presse à l'aéroport international Président Modibo Keïta.",
        "Cette liaison était très attendue par les habitants de la Cité des 333 saints, dont les déplacements par la route restent longs et risqués. Le voyage, qui pouvait durer deux jours en véhicule, se fait désormais en moins de deux heures. Le prix du billet aller-retour est fixé à 185 000 francs CFA.",
        "Les opérateurs économiques de Tombouctou saluent une décision qui devrait faciliter l'acheminement des marchandises légères et relancer le tourisme culturel, à l'arrêt depuis plus d'une décennie. « C'est une bouffée d'oxygène pour nos commerces et nos artisans », estime le président de la chambre de commerce régionale.",
        "La compagnie prévoit d'ouvrir d'autres lignes intérieures vers Gao, Mopti et Kayes d'ici la fin de l'année, sous réserve de la réhabilitation de certaines pistes d'atterrissage. Des travaux sont déjà en cours à l'aéroport de Mopti-Ambodédjo.",
        "Le ministre des Transports a salué une étape importante du désenclavement des régions du Nord et rappelé l'engagement de l'État à accompagner la compagnie pendant sa phase de lancement.",
        "Les premiers vols affichent complet jusqu'à la mi-juillet, selon les agences de voyages de Bamako.",
    ],
)

A["T1"] = dict(
    title="Ségou : les riziculteurs de l'Office du Niger préparent la campagne d'hivernage",
    author="Aminata Dembélé", published="2025-06-21T12:00:00+00:00", section="Agriculture",
    paras=[
        "Dans la zone de l'Office du Niger, les préparatifs de la campagne rizicole d'hivernage vont bon train. À Niono, Macina et Molodo, les exploitants s'activent depuis plusieurs semaines pour labourer les parcelles, curer les canaux d'irrigation et installer les pépinières avant l'arrivée des premières pluies.",
        "Pour cette campagne, l'Office du Niger prévoit d'aménager plus de 150 000 hectares de riz, selon son président-directeur général. L'objectif de production est fixé à 900 000 tonnes de paddy, un niveau que la zone n'a atteint qu'une seule fois au cours des cinq dernières années.",
        "Les riziculteurs se plaignent toutefois du coût élevé des engrais et du retard dans la distribution des intrants subventionnés. « Nous avons reçu l'urée, mais le phosphate n'est pas encore arrivé dans notre casier. Si cela tarde, les rendements vont baisser », s'inquiète un producteur du village de Siengo.",
        "La redevance eau, que les exploitants paient pour l'irrigation de leurs parcelles, reste également un sujet de tension. Plusieurs organisations paysannes demandent son gel pour cette campagne, en raison des pertes subies l'année dernière à cause des inondations et des attaques d'oiseaux granivores.",
        "L'Office du Niger assure que les travaux d'entretien des canaux primaires seront achevés avant la fin du mois de juin. Des équipes techniques sont également mobilisées pour accompagner les producteurs dans l'utilisation de semences améliorées à cycle court.",
        "Les autorités régionales ont par ailleurs annoncé le renforcement de la sécurité dans certaines zones de production, où des exploitants avaient abandonné leurs champs l'an dernier.",
    ],
)

A["T2"] = dict(
    title="Tombouctou : le festival Vivre ensemble reporté à une date ultérieure",
    author="Hamidou Maïga", published="2025-06-19T18:30:00+00:00", section="Culture",
    paras=[
        "Le comité d'organisation du festival Vivre ensemble de Tombouctou a annoncé le report de la quatrième édition de l'événement, initialement prévue du 27 au 29 juin. Aucune nouvelle date n'a été fixée, mais les organisateurs évoquent la période de fin d'année, après la saison des pluies.",
        "Dans un communiqué rendu public le mercredi 18 juin, le comité explique cette décision par des difficultés logistiques et financières. Plusieurs partenaires qui avaient promis leur soutien n'ont pas encore débloqué les fonds nécessaires à l'accueil des troupes artistiques venues des autres régions du pays.",
        "Le festival, qui rassemble chaque année des artistes songhaï, tamasheq, arabes, peuls et bambaras, est devenu un rendez-vous important pour la cohésion sociale dans la région. Il propose des concerts, des courses de pirogues, des expositions d'artisanat et des débats sur la paix et la réconciliation.",
        "La nouvelle a été accueillie avec déception par les jeunes de la ville, qui s'étaient mobilisés depuis plusieurs semaines. « Nous avions déjà répété nos chorégraphies et préparé les décors. C'est triste, mais nous comprenons », confie le responsable d'une association culturelle du quartier de Djingareyber.",
        "Les hôteliers et les artisans, qui comptaient sur l'événement pour relancer leurs activités, espèrent que le report ne se transformera pas en annulation. Le secteur touristique de Tombouctou traverse une crise profonde depuis 2012.",
        "Le directeur régional de la culture a assuré que l'État continuerait à accompagner l'initiative et a invité les opérateurs privés à s'associer à son financement.",
    ],
)

A["T3"] = dict(
    title="Gao : des pluies diluviennes endommagent une centaine d'habitations",
    author=None, published="2025-06-17T07:45:00+00:00", section="Société",
    paras=[
        "De fortes pluies se sont abattues sur la ville de Gao dans la nuit du dimanche 15 au lundi 16 juin, provoquant d'importants dégâts matériels. Selon un premier bilan de la protection civile, une centaine d'habitations en banco se sont effondrées, notamment dans les quartiers de Château, de Sosso Koïra et d'Aljanabandia.",
        "Aucune perte en vie humaine n'a été enregistrée, mais une dizaine de personnes ont été légèrement blessées et prises en charge à l'hôpital régional. Plusieurs familles sinistrées ont trouvé refuge dans des écoles et chez des proches, en attendant une assistance d'urgence.",
        "Le gouverneur de la région s'est rendu dans les quartiers touchés le lundi matin. Il a annoncé la mise en place d'une cellule de crise et la distribution de vivres, de nattes et de moustiquaires aux ménages affectés. Un recensement des sinistrés est en cours pour évaluer les besoins.",
        "Les habitants dénoncent l'absence de caniveaux dans de nombreux quartiers de la ville. « À chaque grosse pluie, l'eau stagne pendant des jours et fragilise les murs. Nous demandons depuis longtemps un système d'évacuation des eaux », explique un chef de famille de Sosso Koïra dont la maison s'est en partie écroulée.",
        "La direction régionale de l'hydraulique met en garde contre les risques de maladies hydriques liées aux eaux stagnantes et appelle les populations à traiter l'eau de boisson.",
        "Les services météorologiques prévoient d'autres épisodes pluvieux intenses dans les semaines à venir sur l'ensemble de la boucle du Niger.",
    ],
)

A["T4"] = dict(
    title="Bamako : un centre d'accueil pour enfants en situation de rue ouvre à Sogoniko",
    author="Aminata Dembélé", published="2025-06-14T10:00:00+00:00", section="Société",
    paras=[
        "Un nouveau centre d'accueil pour enfants en situation de rue a été inauguré le vendredi 13 juin à Sogoniko, en commune VI du district de Bamako. L'établissement, construit par une fondation malienne avec l'appui de partenaires internationaux, peut héberger soixante enfants et en accueillir deux cents en journée.",
        "Le centre dispose de dortoirs, d'une infirmerie, de salles de classe et d'ateliers de formation en menuiserie, en couture et en mécanique. Les enfants y bénéficient d'un accompagnement psychologique et d'une aide à la réinsertion familiale, menée avec les services sociaux de la commune.",
        "Selon la directrice de la fondation, plus de cinq mille enfants vivent dans les rues de Bamako, souvent venus des régions rurales ou du centre du pays à cause de la pauvreté et de l'insécurité. Beaucoup sont exposés à la drogue, aux violences et à l'exploitation.",
        "Lors de l'inauguration, la ministre de la Promotion de la femme, de l'enfant et de la famille a salué une initiative qui complète les efforts de l'État. Elle a annoncé l'élaboration d'une stratégie nationale de protection des enfants en situation de rue, qui devrait être validée d'ici la fin de l'année.",
        "Les éducateurs du centre insistent sur l'importance du travail de prévention auprès des familles et des maîtres coraniques, dont certains élèves se retrouvent à mendier dans les carrefours de la capitale.",
        "Un numéro vert gratuit a été mis en place pour signaler les enfants en danger.",
    ],
)

A["T5"] = dict(
    title="Sikasso : ouverture de la foire régionale de l'artisanat",
    author="Hamidou Maïga", published="2025-06-24T15:00:00+00:00", section="Culture",
    paras=[
        "La foire régionale de l'artisanat de Sikasso a ouvert ses portes le mardi 24 juin sur l'esplanade du stade Babemba Traoré. Pendant cinq jours, plus de trois cents artisans venus de Sikasso, Koutiala, Bougouni et des pays voisins exposent leurs créations : bogolans, objets en bronze, vannerie, maroquinerie et meubles en bois.",
        "Le gouverneur de la région, qui a présidé la cérémonie d'ouverture, a souligné le poids de l'artisanat dans l'économie locale. Le secteur emploie des dizaines de milliers de personnes dans la région, principalement des femmes et des jeunes, et contribue à la préservation du patrimoine culturel.",
        "Les exposants espèrent profiter de l'événement pour trouver de nouveaux clients et nouer des partenariats commerciaux. « Les ventes ont beaucoup baissé ces dernières années. La foire est une occasion de nous faire connaître », explique une teinturière de Koutiala spécialisée dans le tissu indigo.",
        "Des ateliers de formation sur la commercialisation en ligne, l'emballage et l'accès au crédit sont également organisés en marge de l'exposition, avec l'appui de la chambre régionale des métiers et de plusieurs institutions de microfinance.",
        "Les organisateurs attendent plus de vingt mille visiteurs. Un concours récompensera les meilleures créations dans chaque catégorie lors de la cérémonie de clôture prévue le samedi 28 juin.",
        "La chambre des métiers annonce qu'une boutique permanente des artisans de la région sera ouverte à Bamako avant la fin de l'année.",
    ],
)

A["L1"] = dict(
    title="Kayes : les maraîchers du Khasso redoutent une pénurie d’eau avant août",
    author="Sékou Diarra", published="2025-06-17", section="Société",
    datestr="Kayes, le 17 juin 2025",
    paras=[
        "À quelques semaines de l’hivernage, les maraîchers installés le long du fleuve Sénégal, dans le Khasso, s’inquiètent du niveau très bas des puits et des mares. Dans les jardins de Légal Ségou et de Khasso, les femmes qui cultivent l’oignon, la tomate et le gombo doivent désormais creuser plus profond pour trouver de l’eau.",
        "« Avant, à cette période, il suffisait de descendre à trois mètres. Cette année, nous sommes à plus de six mètres et l’eau n’est pas suffisante pour arroser toutes les planches », explique la présidente d’une coopérative maraîchère de la commune de Kayes, qui craint que la situation ne s’aggrave d’ici la mi-août si les pluies tardent.",
        "La chaleur exceptionnelle enregistrée depuis le mois d’avril, avec des températures dépassant régulièrement 45 degrés, a accéléré l’évaporation et la baisse de la nappe. Les services de l’agriculture constatent également une forte pression sur les ressources en eau liée à l’extension des périmètres maraîchers.",
        "Pour faire face, certaines coopératives ont commencé à s’équiper de pompes solaires et de systèmes d’irrigation goutte-à-goutte, avec l’appui de projets de développement. Mais ces équipements restent coûteux et hors de portée de la majorité des petites exploitantes, qui travaillent encore avec des arrosoirs.",
        "Le directeur régional de l’hydraulique a annoncé la réalisation prochaine de cinq forages à gros débit dans les zones maraîchères les plus touchées. Il a aussi appelé les producteurs à privilégier des variétés moins gourmandes en eau pendant la saison sèche.",
        "En attendant, les prix des légumes ont déjà augmenté sur les marchés de Kayes, où le kilogramme de tomate a presque doublé en un mois.",
    ],
)

A["L2"] = dict(
    title="Diéma : les éleveurs s’organisent face à la flambée du prix de l’aliment bétail",
    author="Seydou Sissoko", published="2025-06-10", section="Économie",
    datestr="Mardi 10 juin 2025",
    paras=[
        "Dans le cercle de Diéma, la flambée du prix de l’aliment bétail met les éleveurs en difficulté. Le sac de tourteau de coton de cinquante kilogrammes, vendu à 9 000 francs CFA l’an dernier à la même période, s’échange désormais à plus de 14 000 francs CFA sur le marché à bétail de la ville.",
        "Pour réduire leurs coûts, une vingtaine d’éleveurs ont décidé de se regrouper au sein d’une coopérative afin d’acheter l’aliment en gros directement auprès des usines de Koutiala et de Fana. La première commande, de quarante tonnes, est arrivée à Diéma la semaine dernière.",
        "« Seul, on ne peut rien négocier. Ensemble, nous avons obtenu une remise de 15 % et le transport est partagé », se réjouit le président de la coopérative, qui possède une centaine de têtes de bovins et plusieurs dizaines de petits ruminants.",
        "Les éleveurs pointent aussi la réduction des pâturages, grignotés par l’extension des champs et l’installation de nouveaux villages. Les couloirs de passage des animaux sont de plus en plus souvent obstrués, ce qui provoque des conflits avec les agriculteurs au moment des récoltes.",
        "Le chef du service local des productions animales encourage la culture de plantes fourragères et la conservation du foin après l’hivernage. Des formations seront organisées dans plusieurs communes du cercle avant la fin du mois d’août, avec l’appui de la chambre régionale d’agriculture.",
        "Les éleveurs demandent à l’État de réduire les exportations de tourteau pendant la période de soudure.",
    ],
)

A["L3"] = dict(
    title="Bafoulabé : le pont sur le Bafing attendu depuis vingt ans",
    author="Sékou Diarra", published="2025-06-12", section="Société",
    datestr="Jeudi 12 juin 2025",
    paras=[
        "À Bafoulabé, là où le Bafing et le Bakoye se rejoignent pour former le fleuve Sénégal, la traversée du cours d'eau reste un casse-tête quotidien pour les habitants. Faute de pont, les voyageurs, les commerçants et les élèves doivent emprunter un bac vétuste ou des pirogues, souvent surchargées.",
        "Le projet de construction d'un pont sur le Bafing est pourtant inscrit dans les programmes d'investissement de l'État depuis le début des années 2000. Les études techniques ont été réalisées à deux reprises, mais les travaux n'ont jamais démarré, faute de financement, selon les élus locaux.",
        "« Chaque fois qu'un nouveau ministre vient, on nous promet le pont. Nos enfants ont grandi avec cette promesse », regrette un notable de la ville. Pendant la saison des pluies, le bac est régulièrement à l'arrêt à cause de la force du courant, isolant une partie du cercle pendant plusieurs jours.",
        "Les femmes commerçantes sont particulièrement touchées. Elles doivent payer le passage de leurs marchandises et attendre parfois des heures avant de pouvoir traverser. Les malades évacués vers l'hôpital de Kayes subissent les mêmes retards, avec des conséquences parfois dramatiques.",
        "Le conseil de cercle a adopté une nouvelle résolution demandant l'inscription du pont dans le prochain programme triennal d'investissement. Une délégation de ressortissants établis à Bamako et en France s'est également mobilisée pour plaider le dossier auprès des autorités.",
        "Le ministère des Transports indique que le projet fait partie des priorités et qu'un bailleur a manifesté son intérêt.",
    ],
)

# Reader comments (must never reach the archived text).
COMMENTS = {
    "W1": [("Bakary K.", "Enfin une bonne nouvelle pour les justiciables de Nioro, il faut maintenant des juges intègres."),
           ("Aïssata", "Encore des promesses, on attend de voir les bâtiments sur le terrain."),
           ("Dramane de Kati", "Que Dieu veille sur notre pays et sur notre justice.")],
    "W2": [("Paysan de Koutiala", "Payez d'abord nos arriérés avant de parler de nouveaux objectifs."),
           ("Kadiatou S.", "Le prix de 300 francs ne couvre même pas nos dépenses d'engrais.")],
    "W3": [("Supporter des Aigles", "Bravo aux jeunes du championnat local, ils méritent leur place."),
           ("Moussa B.", "Le milieu de terrain manque encore de créativité, coach."),
           ("Fan du Djoliba", "Fierté du Djoliba ce soir !")],
    "W4": [("Habitant de Banconi", "Les ordures reviennent dans les caniveaux une semaine après le curage."),
           ("Oumou T.", "Merci à la mairie, mais il faut le faire toute l'année.")],
    "W5": [("Parent d'élève", "Vivement les résultats, nos enfants sont stressés."),
           ("Enseignant à Ségou", "Les primes de correction restent insuffisantes.")],
    "A1": [("Transporteur à Diamou", "Grâce à Dieu la route est belle, mais attention aux excès de vitesse."),
           ("Fily", "Il faut maintenant faire la route Kayes-Kéniéba.")],
    "A2": [("Ancien élève de Bandiagara", "Que la paix revienne définitivement au pays dogon."),
           ("Hawa D.", "Courage aux enseignants qui acceptent de servir là-bas.")],
    "A3": [("Contribuable malien", "Toujours plus de dépenses et toujours plus de délestages."),
           ("Sidi", "Il faut payer la dette intérieure, nos entreprises meurent.")],
    "A4": [("Citoyen de Tombouctou", "La situation est grave, le riz est devenu un luxe chez nous."),
           ("Awa", "Il faut soutenir nos producteurs locaux au lieu d'importer.")],
    "A5": [("Commerçant de Sikasso", "Les mangues pourrissent pendant que nous importons des jus."),
           ("Mariam", "Bravo aux femmes de la coopérative de séchage !")],
    "C1": [("Patriote malien", "Vive la Transition et vive le Mali uni."),
           ("Ibrahim de Ségou", "Les religieux doivent rester dans leur rôle de conseil."),
           ("Fanta", "Nous prions pour la paix dans notre pays.")],
    "C2": [("Militant déçu", "Deux cents partis, c'est trop, il faut assainir."),
           ("Observateur", "Cette réforme cache une volonté de museler l'opposition.")],
    "C3": [("Maman de Sébénikoro", "Mon fils a été vacciné ce matin, merci aux agents."),
           ("Docteur B.", "Il faut aussi renforcer la vaccination de routine.")],
    "C4": [("Soudeur de Kalaban", "Six heures de courant par jour, comment travailler ?"),
           ("Karim", "On a entendu ces promesses l'année dernière aussi.")],
    "C5": [("Ressortissant de Tombouctou", "Enfin ! Merci pour ce désenclavement."),
           ("Voyageur", "185 000 francs c'est trop cher pour nos parents.")],
    "T1": [("Producteur de Niono", "Le phosphate n'est toujours pas arrivé chez nous."),
           ("Adama", "Il faut geler la redevance eau cette année.")],
    "T2": [("Jeune de Djingareyber", "Dommage, on était prêts pour la fête."),
           ("Touriste nostalgique", "Tombouctou mérite mieux, courage aux organisateurs.")],
    "T3": [("Habitant de Château", "Notre maison est tombée, nous attendons toujours l'aide."),
           ("Alassane", "Il faut des caniveaux à Gao depuis des années.")],
    "T4": [("Éducatrice", "Très belle initiative pour nos enfants."),
           ("Seydou", "Et les maîtres coraniques qui envoient les enfants mendier ?")],
    "T5": [("Artisane de Bougouni", "Nous serons présentes avec nos bogolans."),
           ("Visiteur", "Belle foire, mais l'entrée devrait être gratuite.")],
    "L1": [("Jardinière du Khasso", "Cette année est vraiment dure pour nous les femmes."),
           ("Diadié", "Les forages promis doivent arriver avant août.")],
    "L2": [("Éleveur de Diéma", "La coopérative nous a sauvés cette saison."),
           ("Ousmane K.", "Le tourteau part à l’exportation pendant que nos bêtes ont faim.")],
    "L3": [("Ressortissant de Bafoulabé", "Vingt ans de promesses, ça suffit !"),
           ("Mahamadou", "Le bac est dangereux pendant l'hivernage.")],
}

EXTRA = {
    "C5": "La compagnie indique que les réservations peuvent se faire dans ses agences de Bamako et de Tombouctou ainsi qu'auprès des agences de voyages agréées. Les enfants de moins de douze ans bénéficieront d'une réduction de moitié sur le prix du billet pendant les trois premiers mois d'exploitation.",
    "T1": "Les femmes transformatrices de riz étuvé de Niono comptent, elles aussi, sur une bonne campagne. Elles ont obtenu l'an dernier des équipements modernes d'étuvage qui leur permettent de mieux valoriser le paddy et d'approvisionner les cantines scolaires de la région.",
    "T2": "En attendant, le comité d'organisation promet de maintenir quelques activités de proximité, notamment des causeries sur la paix dans les écoles coraniques et les grins de la ville, ainsi qu'un tournoi de football inter-quartiers prévu au début du mois de juillet au stade municipal.",
    "T3": "La mairie de Gao a lancé un appel à la solidarité des ressortissants de la région établis à Bamako et à l'étranger. Une collecte de fonds a été ouverte pour aider les familles à reconstruire leurs maisons avant le plus fort de la saison des pluies, attendu en août.",
    "T4": "Le centre accueillera également les familles pour des séances de médiation, afin de préparer le retour des enfants au foyer lorsque cela est possible. Les responsables estiment qu'un enfant sur trois accueilli dans leurs structures précédentes a pu retrouver sa famille après quelques mois.",
    "T5": "Les visiteurs pourront également découvrir un espace consacré aux métiers anciens, où des forgerons, des potières et des tisserands feront des démonstrations de leur savoir-faire. Les élèves des écoles de la ville sont invités gratuitement pendant la journée du jeudi.",
    "L2": "Sur le marché à bétail, les prix des animaux restent pourtant bas, car de nombreux éleveurs vendent pour acheter de l’aliment. Un taureau de taille moyenne se négocie autour de 350 000 francs CFA, contre plus de 450 000 francs CFA avant la saison sèche.",
    "L3": "Les transporteurs estiment de leur côté que le pont permettrait de raccourcir de plus de cent kilomètres le trajet entre Bafoulabé et Kita, ouvrant ainsi un nouvel axe commercial pour l'écoulement des produits agricoles de la zone vers les marchés de la capitale.",
}
for _k, _p in EXTRA.items():
    A[_k]["paras"].insert(len(A[_k]["paras"]) - 1, _p)
