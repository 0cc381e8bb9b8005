// French messages. Microsoft's French product names: Skype Entreprise, applet de commande, messagerie instantanée.
// French typography: a no-break space (U+00A0) before « : », inside « », and a narrow one (U+202F) before ; ! ?
import type { en } from './en';

export const fr: Record<keyof typeof en, string> = {
  'app.tagline': 'Intégration d’Exchange Online avec Lync Server 2013 et Skype Entreprise',
  'app.skipToContent': 'Aller au contenu principal',
  'header.language': 'Langue',

  'nav.label': 'Principale',
  'nav.search': 'Recherche',
  'nav.cases': 'Dossiers',
  'nav.case': 'Dossier en cours',
  'nav.kb': 'Base de connaissances',
  'nav.settings': 'Paramètres',

  'search.title': 'Recherche',
  'search.intro':
    'Partez de ce que voit le client\u00a0: un message d’erreur, une fonctionnalité qui ne marche plus, un client qui affiche une présence erronée.',
  'search.label': 'Symptôme ou message d’erreur',
  'search.placeholder': 'p.\u00a0ex. La présence ne s’affiche pas dans Outlook Web App',
  'search.hint':
    'Le texte exact de l’erreur donne les meilleurs résultats. Le nom de la fonctionnalité (disponibilité, messagerie vocale, carte de visite) aide aussi.',
  'search.results': 'Résultats',
  'search.empty.title': 'Saisissez ce que signale le client',
  'search.empty.body':
    'Les symptômes correspondants s’affichent ici, avec les étapes de configuration et les applets de commande à vérifier pour chacun.',
  'search.noMatch.title': 'Aucun résultat pour «\u00a0{query}\u00a0»',
  'search.noMatch.body':
    'Rien dans la base de connaissances chargée ne correspond à ce texte. Essayez le message d’erreur exact ou le nom de la fonctionnalité en échec.',

  'cases.title': 'Dossiers',
  'cases.intro':
    'Un dossier réunit la topologie du client, les éléments de preuve recueillis et les vérifications effectuées.',
  'cases.empty.title': 'Aucun dossier pour l’instant',
  'cases.empty.body': 'Les dossiers ouverts sur cet ordinateur s’affichent ici, du plus récent au plus ancien.',

  'case.title': 'Dossier en cours',
  'case.empty.title': 'Aucun dossier ouvert',
  'case.empty.body':
    'Ouvrez un dossier depuis la liste des dossiers pour suivre ici ses vérifications, ses éléments de preuve et ses conclusions.',
  'case.unknown.title': 'Le dossier «\u00a0{id}\u00a0» n’est pas disponible',
  'case.unknown.body': 'Aucun dossier portant cette référence n’est enregistré dans cet espace de travail.',
  'case.backToCases': 'Aller aux dossiers',

  'kb.title': 'Base de connaissances',
  'kb.intro': 'Contenu du pack de connaissances chargé dans cet espace de travail.',
  'kb.pack': 'Pack',
  'kb.packVersion': 'Version du pack',
  'kb.loadedAt': 'Chargé le',
  'kb.languages': 'Langues',
  'kb.notLoaded': 'Aucun pack chargé',
  'kb.contents': 'Contenu',
  'kb.total': 'Nombre total d’entrées\u00a0: {count}',
  'kb.kind.topology': 'Topologies',
  'kb.kind.feature': 'Fonctionnalités',
  'kb.kind.step': 'Étapes de configuration',
  'kb.kind.symptom': 'Symptômes',
  'kb.kind.cmdlet': 'Applets de commande',
  'kb.kind.article': 'Articles',
  'kb.kindHint.topology': 'Modèles de déploiement\u00a0: en ligne, local ou hybride.',
  'kb.kindHint.feature': 'Fonctionnalités d’intégration comme la disponibilité, la présence ou la messagerie vocale.',
  'kb.kindHint.step': 'Les étapes de configuration requises par chaque topologie.',
  'kb.kindHint.symptom': 'Ce que signalent les clients, relié aux étapes à vérifier.',
  'kb.kindHint.cmdlet': 'Applets de commande PowerShell pour vérifier et corriger la configuration.',
  'kb.kindHint.article': 'Articles du support Microsoft et documentation cités par le pack.',

  'settings.title': 'Paramètres',
  'settings.language': 'Langue',
  'settings.languageHint': 'S’applique immédiatement et reste mémorisée sur cet ordinateur.',
  'settings.theme': 'Thème',
  'settings.themeHint': 'Système suit l’apparence choisie dans le système d’exploitation.',

  'theme.system': 'Système',
  'theme.light': 'Clair',
  'theme.dark': 'Sombre',

  'info.title': 'À propos de LEXO',
  'info.statusTitle': 'État de l’espace de travail',
  'info.loading': 'Chargement des informations de l’application…',
  'info.error': 'Impossible de charger les informations de l’application (app.info, {code})\u00a0: {message}',
  'info.retry': 'Réessayer',
  'info.version': 'Version',
  'info.host': 'Mode d’exécution',
  'info.schemaVersion': 'Schéma de la base de données',
  'info.dataDir': 'Répertoire des données',
  'info.databasePath': 'Fichier de base de données',
  'info.sqliteVersion': 'SQLite',
  'info.nodeVersion': 'Node.js',
  'info.electronVersion': 'Electron',
  'info.chromeVersion': 'Chromium',
  'info.packVersion': 'Pack de connaissances',
  'info.packId': 'Identifiant du pack',
  'info.kbCounts': 'Contenu de la base de connaissances',
  'info.none': 'aucun',
  'info.seeAll': 'Détails de la base de connaissances',

  'host.electron': 'Application de bureau',
  'host.web': 'Serveur web local',
  'host.cli': 'Ligne de commande',
};
