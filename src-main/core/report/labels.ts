// The words of the reports and of the remediation script, in the three languages of the interface. Typed: a label
// missing in one language fails the type-check.
import type { CaseEventType, CaseNameField, CaseStatus, FactSource, Finding, Lang, StepStatus } from '../contract';

export interface ReportLabels {
  reportTitle: string;
  /** What follows a label: ": " in English, " : " in French, "：" in Chinese. */
  colon: string;
  sections: {
    summary: string;
    environment: string;
    evidence: string;
    evidenceText: string;
    findings: string;
    trail: string;
    steps: string;
    conclusion: string;
    open: string;
    fix: string;
    verify: string;
    checks: string;
    references: string;
    notes: string;
    history: string;
  };
  fields: {
    title: string;
    customer: string;
    ticket: string;
    status: string;
    created: string;
    updated: string;
    closed: string;
    generated: string;
    symptom: string;
    topology: string;
    exchange: string;
    cloud: string;
    dirsync: string;
    features: string;
    names: string;
    facts: string;
    conclusion: string;
    why: string;
    confirm: string;
    runOn: string;
    fillIn: string;
    question: string;
    answer: string;
    source: string;
    choices: string;
    lines: string;
    command: string;
    characters: string;
    added: string;
    readAs: string;
    factsRead: string;
    errors: string;
    fix: string;
    kb: string;
    removedArticle: string;
    when: string;
    event: string;
    detail: string;
  };
  none: string;
  unknown: string;
  yes: string;
  no: string;
  incomplete: string;
  /** After a list cut short: "and 12 more". */
  more: (count: number) => string;
  emptyOutput: string;
  notRecognized: string;
  openSummary: string;
  noFix: string;
  noChecks: string;
  neverRuns: string;
  generatedBy: (version: string, date: string) => string;
  secretsMasked: (count: number) => string;
  redacted: string;
  caseStatus: Record<CaseStatus, string>;
  featureState: Record<'works' | 'broken' | 'unknown', string>;
  source: Record<FactSource, string>;
  severity: Record<Finding['severity'], string>;
  stepStatus: Record<StepStatus, string>;
  event: Record<CaseEventType, string>;
  name: Record<CaseNameField, string>;
  script: ScriptLabels;
}

/** The remediation script's comments and messages. */
export interface ScriptLabels {
  title: string;
  review: string;
  whatIf: string;
  noConclusion: string;
  prerequisites: string;
  fixHeading: string;
  verifyHeading: string;
  checksHeading: string;
  notes: string;
  findings: string;
  missing: (cmdlet: string, where: string) => string;
  loadModule: string;
  todo: (names: string) => string;
  uncomment: string;
  /** A command for another shell (Terminal on a Mac): kept as a comment, to run there by hand. */
  notPowerShell: string;
  create: string;
  update: string;
  recreate: (proxyFqdn: string) => string;
  exists: (what: string) => string;
  wrongProxy: (what: string, proxyFqdn: string) => string;
  dnsExists: (name: string, zone: string) => string;
  run: string;
  checkFailed: string;
  done: string;
}

const EN: ReportLabels = {
  reportTitle: 'LEXO case report',
  colon: ': ',
  sections: {
    summary: 'Summary',
    environment: 'Environment',
    evidence: 'Evidence',
    evidenceText: 'Evidence as pasted',
    findings: 'Findings',
    trail: 'Questions and answers',
    steps: 'Deployment checklist',
    conclusion: 'The missing step and why',
    open: 'Still open',
    fix: 'Fix commands',
    verify: 'Verify commands',
    checks: 'Checks to run',
    references: 'KB references',
    notes: "Engineer's notes",
    history: 'Case history',
  },
  fields: {
    title: 'Case',
    customer: 'Customer',
    ticket: 'Ticket',
    status: 'Status',
    created: 'Created',
    updated: 'Updated',
    closed: 'Closed',
    generated: 'Generated',
    symptom: 'Symptom',
    topology: 'Topology',
    exchange: 'Exchange',
    cloud: 'Cloud',
    dirsync: 'Directory synchronization',
    features: 'Features',
    names: 'Names',
    facts: 'Facts',
    conclusion: 'Conclusion',
    why: 'Why',
    confirm: 'How to confirm that it works again',
    runOn: 'Run on',
    fillIn: 'Fill in first',
    question: 'Question',
    answer: 'Answer',
    source: 'Source',
    choices: 'Possible answers',
    lines: 'Lines',
    command: 'Command',
    characters: 'characters',
    added: 'Added',
    readAs: 'Read as',
    factsRead: 'Facts read',
    errors: 'Errors',
    fix: 'Fix',
    kb: 'KB',
    removedArticle: 'Removed article; source',
    when: 'When',
    event: 'Event',
    detail: 'Detail',
  },
  none: 'None',
  unknown: 'Unknown',
  yes: 'Yes',
  no: 'No',
  incomplete: 'incomplete (values cut in the paste)',
  more: (n) => `and ${n} more`,
  emptyOutput: 'the command printed nothing',
  notRecognized: 'not recognized',
  openSummary: 'No conclusion yet: the diagnosis needs an answer to the question below.',
  noFix: 'No fix commands.',
  noChecks: 'No checks to suggest.',
  neverRuns: 'LEXO never runs any command itself: review the commands, then run them yourself where indicated.',
  generatedBy: (version, date) => `Generated by LEXO ${version} on ${date}.`,
  secretsMasked: (n) =>
    `${n} ${n === 1 ? 'value that looks' : 'values that look'} like a secret (password, token, key) ${n === 1 ? 'was' : 'were'} masked as [secret masked].`,
  redacted:
    'Redacted for sharing: user names, SIP and mail addresses, domains, tenant ids, server names and the customer name are replaced by tokens (the same name always becomes the same token).',
  caseStatus: { open: 'Open', closed: 'Closed' },
  featureState: { works: 'works', broken: 'broken', unknown: 'unknown' },
  source: { user: 'engineer', evidence: 'evidence', case: 'case' },
  severity: { error: 'Error', warning: 'Warning', info: 'Information' },
  stepStatus: { done: 'done', missing: 'missing', unknown: 'not known yet', 'not-applicable': 'not applicable' },
  event: {
    created: 'Case created',
    imported: 'Case imported',
    renamed: 'Renamed',
    'details-changed': 'Details changed',
    'environment-changed': 'Environment changed',
    answered: 'Question answered',
    'answer-cleared': 'Answer cleared',
    'evidence-added': 'Evidence added',
    'evidence-removed': 'Evidence removed',
    'note-added': 'Note added',
    'note-edited': 'Note edited',
    'note-removed': 'Note removed',
    concluded: 'Concluded',
    closed: 'Closed',
    reopened: 'Reopened',
    deleted: 'Deleted',
    restored: 'Restored',
  },
  name: {
    sipDomain: 'SIP domain',
    userSipAddress: "User's SIP address",
    userPrincipalName: "User's UPN",
    userMail: "User's email address",
    userIdentity: "User's identity",
    edgePoolFqdn: 'Edge pool FQDN',
    accessEdgeFqdn: 'Access Edge FQDN',
    externalWebFqdn: 'External web services FQDN',
    frontEndPoolFqdn: 'Front End pool FQDN',
    tenant: 'Tenant',
    tenantDomain: 'Tenant domain',
    policyName: 'Policy name',
    exchangeAutodiscoverUrl: 'Exchange Autodiscover URL',
    exchangeServerFqdn: 'Exchange server FQDN',
    lyncServerFqdn: 'Lync server FQDN',
    umProviderFqdn: 'UM provider FQDN',
  },
  script: {
    title: 'LEXO remediation script',
    review:
      'LEXO never runs any command itself. Read this script, run it with -WhatIf first, then run it yourself where each command says.',
    whatIf: 'Dry run: .\\script.ps1 -WhatIf    Ask before each change: .\\script.ps1 -Confirm',
    noConclusion:
      'No conclusion yet: this script changes nothing. It only holds checks whose output you can paste into LEXO as evidence.',
    prerequisites: 'Prerequisites: the cmdlets this script needs must be loaded in this session.',
    fixHeading: 'Fix',
    verifyHeading: 'Verification',
    checksHeading: 'Checks',
    notes: "Engineer's notes",
    findings: 'Findings',
    missing: (cmdlet, where) => `${cmdlet} is not available in this PowerShell session. Run this script in: ${where}`,
    loadModule: 'a PowerShell session where the module that provides it is loaded',
    todo: (names) => `TODO: fill in ${names}, then remove the # in front of the command.`,
    uncomment: 'Left out until the values are filled in:',
    notPowerShell: 'Not a PowerShell command: run it by hand where it says (for example in Terminal on the Mac):',
    create: 'Create',
    update: 'Update the settings',
    recreate: (proxy) => `Remove and create again with ProxyFqdn ${proxy}`,
    exists: (what) => `${what} already exists: not created again. The verification below shows its settings.`,
    wrongProxy: (what, proxy) =>
      `${what} exists with another ProxyFqdn than ${proxy}. ProxyFqdn cannot be changed: remove the entry, then run this script again.`,
    dnsExists: (name, zone) =>
      `A record named ${name} already exists in ${zone}: not added. Check that it points where the command says.`,
    run: 'Run',
    checkFailed: 'Check failed',
    done: 'Done. Compare the output above with what the report says to expect.',
  },
};

const FR: ReportLabels = {
  reportTitle: 'Rapport de dossier LEXO',
  colon: '\u00a0: ',
  sections: {
    summary: 'Résumé',
    environment: 'Environnement',
    evidence: 'Éléments fournis',
    evidenceText: 'Éléments tels que collés',
    findings: 'Constats',
    trail: 'Questions et réponses',
    steps: 'Liste de contrôle du déploiement',
    conclusion: "L'étape manquante et pourquoi",
    open: 'Encore ouvert',
    fix: 'Commandes de correction',
    verify: 'Commandes de vérification',
    checks: 'Vérifications à exécuter',
    references: 'Références de la base de connaissances',
    notes: "Notes de l'ingénieur",
    history: 'Historique du dossier',
  },
  fields: {
    title: 'Dossier',
    customer: 'Client',
    ticket: 'Ticket',
    status: 'État',
    created: 'Créé le',
    updated: 'Modifié le',
    closed: 'Fermé le',
    generated: 'Généré le',
    symptom: 'Symptôme',
    topology: 'Topologie',
    exchange: 'Exchange',
    cloud: 'Cloud',
    dirsync: "Synchronisation d'annuaire",
    features: 'Fonctionnalités',
    names: 'Noms',
    facts: 'Faits',
    conclusion: 'Conclusion',
    why: 'Pourquoi',
    confirm: 'Comment confirmer que cela fonctionne de nouveau',
    runOn: 'Où exécuter',
    fillIn: "À renseigner d'abord",
    question: 'Question',
    answer: 'Réponse',
    source: 'Source',
    choices: 'Réponses possibles',
    lines: 'Lignes',
    command: 'Commande',
    characters: 'caractères',
    added: 'Ajouté le',
    readAs: 'Lu comme',
    factsRead: 'Faits lus',
    errors: 'Erreurs',
    fix: 'Correction',
    kb: 'KB',
    removedArticle: 'Article retiré ; source',
    when: 'Date',
    event: 'Événement',
    detail: 'Détail',
  },
  none: 'Aucun',
  unknown: 'Inconnu',
  yes: 'Oui',
  no: 'Non',
  incomplete: 'incomplet (valeurs tronquées dans le collage)',
  more: (n) => `et ${n} de plus`,
  emptyOutput: "la commande n'a rien affiché",
  notRecognized: 'non reconnu',
  openSummary: 'Pas encore de conclusion : le diagnostic attend la réponse à la question ci-dessous.',
  noFix: 'Aucune commande de correction.',
  noChecks: 'Aucune vérification à proposer.',
  neverRuns:
    "LEXO n'exécute jamais aucune commande lui-même : relisez les commandes, puis exécutez-les vous-même à l'endroit indiqué.",
  generatedBy: (version, date) => `Généré par LEXO ${version} le ${date}.`,
  secretsMasked: (n) =>
    n === 1
      ? '1 valeur qui ressemble à un secret (mot de passe, jeton, clé) a été masquée par [secret masked].'
      : `${n} valeurs qui ressemblent à des secrets (mots de passe, jetons, clés) ont été masquées par [secret masked].`,
  redacted:
    "Anonymisé pour diffusion : noms d'utilisateur, adresses SIP et de messagerie, domaines, identifiants de locataire, noms de serveur et nom du client sont remplacés par des jetons (un même nom donne toujours le même jeton).",
  caseStatus: { open: 'Ouvert', closed: 'Fermé' },
  featureState: { works: 'fonctionne', broken: 'ne fonctionne pas', unknown: 'inconnu' },
  source: { user: 'ingénieur', evidence: 'éléments fournis', case: 'dossier' },
  severity: { error: 'Erreur', warning: 'Avertissement', info: 'Information' },
  stepStatus: { done: 'faite', missing: 'manquante', unknown: 'pas encore connue', 'not-applicable': 'sans objet' },
  event: {
    created: 'Dossier créé',
    imported: 'Dossier importé',
    renamed: 'Renommé',
    'details-changed': 'Détails modifiés',
    'environment-changed': 'Environnement modifié',
    answered: 'Question répondue',
    'answer-cleared': 'Réponse effacée',
    'evidence-added': 'Élément ajouté',
    'evidence-removed': 'Élément retiré',
    'note-added': 'Note ajoutée',
    'note-edited': 'Note modifiée',
    'note-removed': 'Note supprimée',
    concluded: 'Conclu',
    closed: 'Fermé',
    reopened: 'Rouvert',
    deleted: 'Supprimé',
    restored: 'Restauré',
  },
  name: {
    sipDomain: 'Domaine SIP',
    userSipAddress: "Adresse SIP de l'utilisateur",
    userPrincipalName: "UPN de l'utilisateur",
    userMail: "Adresse de messagerie de l'utilisateur",
    userIdentity: "Identité de l'utilisateur",
    edgePoolFqdn: 'FQDN du pool Edge',
    accessEdgeFqdn: "FQDN du serveur Edge d'accès",
    externalWebFqdn: 'FQDN des services web externes',
    frontEndPoolFqdn: 'FQDN du pool frontal',
    tenant: 'Locataire',
    tenantDomain: 'Domaine du locataire',
    policyName: 'Nom de la stratégie',
    exchangeAutodiscoverUrl: 'URL de découverte automatique Exchange',
    exchangeServerFqdn: 'FQDN du serveur Exchange',
    lyncServerFqdn: 'FQDN du serveur Lync',
    umProviderFqdn: 'FQDN du fournisseur de messagerie unifiée',
  },
  script: {
    title: 'Script de correction LEXO',
    review:
      "LEXO n'exécute jamais aucune commande lui-même. Lisez ce script, exécutez-le d'abord avec -WhatIf, puis exécutez-le vous-même là où chaque commande l'indique.",
    whatIf: 'Essai à blanc : .\\script.ps1 -WhatIf    Confirmer chaque modification : .\\script.ps1 -Confirm',
    noConclusion:
      'Pas encore de conclusion : ce script ne modifie rien. Il ne contient que des vérifications dont vous pouvez coller la sortie dans LEXO comme éléments.',
    prerequisites: 'Prérequis : les cmdlets dont ce script a besoin doivent être chargées dans cette session.',
    fixHeading: 'Correction',
    verifyHeading: 'Vérification',
    checksHeading: 'Vérifications',
    notes: "Notes de l'ingénieur",
    findings: 'Constats',
    missing: (cmdlet, where) =>
      `${cmdlet} n'est pas disponible dans cette session PowerShell. Exécutez ce script dans : ${where}`,
    loadModule: 'une session PowerShell où le module qui la fournit est chargé',
    todo: (names) => `À FAIRE : renseignez ${names}, puis retirez le # devant la commande.`,
    uncomment: 'Laissé de côté tant que les valeurs ne sont pas renseignées :',
    notPowerShell:
      "Ce n'est pas une commande PowerShell : exécutez-la à la main là où c'est indiqué (par exemple dans le Terminal du Mac) :",
    create: 'Créer',
    update: 'Mettre à jour les paramètres',
    recreate: (proxy) => `Supprimer et recréer avec le ProxyFqdn ${proxy}`,
    exists: (what) => `${what} existe déjà : pas recréé. La vérification ci-dessous montre ses paramètres.`,
    wrongProxy: (what, proxy) =>
      `${what} existe avec un autre ProxyFqdn que ${proxy}. ProxyFqdn ne peut pas être modifié : supprimez l'entrée, puis relancez ce script.`,
    dnsExists: (name, zone) =>
      `Un enregistrement nommé ${name} existe déjà dans ${zone} : non ajouté. Vérifiez qu'il pointe là où la commande l'indique.`,
    run: 'Exécuter',
    checkFailed: 'Échec de la vérification',
    done: 'Terminé. Comparez la sortie ci-dessus avec ce que le rapport indique.',
  },
};

const ZH_TW: ReportLabels = {
  reportTitle: 'LEXO 案例報告',
  colon: '：',
  sections: {
    summary: '摘要',
    environment: '環境',
    evidence: '佐證資料',
    evidenceText: '佐證資料原文',
    findings: '發現的問題',
    trail: '問題與回答',
    steps: '部署檢查清單',
    conclusion: '缺少的步驟與原因',
    open: '尚待釐清',
    fix: '修正命令',
    verify: '驗證命令',
    checks: '建議執行的檢查',
    references: '知識庫參考資料',
    notes: '工程師備註',
    history: '案例記錄',
  },
  fields: {
    title: '案例',
    customer: '客戶',
    ticket: '工單',
    status: '狀態',
    created: '建立時間',
    updated: '更新時間',
    closed: '結案時間',
    generated: '產生時間',
    symptom: '症狀',
    topology: '拓撲',
    exchange: 'Exchange',
    cloud: '雲端',
    dirsync: '目錄同步',
    features: '功能',
    names: '名稱',
    facts: '事實',
    conclusion: '結論',
    why: '原因',
    confirm: '如何確認功能已恢復',
    runOn: '執行位置',
    fillIn: '請先填入',
    question: '問題',
    answer: '回答',
    source: '來源',
    choices: '可能的回答',
    lines: '行',
    command: '命令',
    characters: '個字元',
    added: '加入時間',
    readAs: '判讀為',
    factsRead: '讀出的事實',
    errors: '錯誤',
    fix: '修正',
    kb: 'KB',
    removedArticle: '已移除的文章；來源',
    when: '時間',
    event: '事件',
    detail: '詳細資料',
  },
  none: '無',
  unknown: '未知',
  yes: '是',
  no: '否',
  incomplete: '不完整 (貼上的內容中有值被截斷)',
  more: (n) => `等，另有 ${n} 處`,
  emptyOutput: '命令沒有輸出任何內容',
  notRecognized: '無法辨識',
  openSummary: '尚無結論：診斷需要您回答下列問題。',
  noFix: '沒有修正命令。',
  noChecks: '沒有建議的檢查。',
  neverRuns: 'LEXO 絕不會自行執行任何命令：請先檢閱命令，再自行在指定的位置執行。',
  generatedBy: (version, date) => `由 LEXO ${version} 於 ${date} 產生。`,
  secretsMasked: (n) => `有 ${n} 個看似機密 (密碼、權杖、金鑰) 的值已遮蔽為 [secret masked]。`,
  redacted:
    '已為對外分享進行匿名化：使用者名稱、SIP 與電子郵件地址、網域、租用戶識別碼、伺服器名稱與客戶名稱都已替換為代號 (相同的名稱一律替換為相同的代號)。',
  caseStatus: { open: '處理中', closed: '已結案' },
  featureState: { works: '正常', broken: '無法運作', unknown: '未知' },
  source: { user: '工程師', evidence: '佐證資料', case: '案例' },
  severity: { error: '錯誤', warning: '警告', info: '資訊' },
  stepStatus: { done: '已完成', missing: '缺少', unknown: '尚未確認', 'not-applicable': '不適用' },
  event: {
    created: '建立案例',
    imported: '匯入案例',
    renamed: '重新命名',
    'details-changed': '變更詳細資料',
    'environment-changed': '變更環境',
    answered: '回答問題',
    'answer-cleared': '清除回答',
    'evidence-added': '加入佐證資料',
    'evidence-removed': '移除佐證資料',
    'note-added': '新增備註',
    'note-edited': '編輯備註',
    'note-removed': '刪除備註',
    concluded: '得出結論',
    closed: '結案',
    reopened: '重新開啟',
    deleted: '刪除',
    restored: '還原',
  },
  name: {
    sipDomain: 'SIP 網域',
    userSipAddress: '使用者的 SIP 位址',
    userPrincipalName: '使用者的 UPN',
    userMail: '使用者的電子郵件地址',
    userIdentity: '使用者的識別',
    edgePoolFqdn: 'Edge 集區 FQDN',
    accessEdgeFqdn: 'Access Edge FQDN',
    externalWebFqdn: '外部 Web 服務 FQDN',
    frontEndPoolFqdn: '前端集區 FQDN',
    tenant: '租用戶',
    tenantDomain: '租用戶網域',
    policyName: '原則名稱',
    exchangeAutodiscoverUrl: 'Exchange 自動探索 URL',
    exchangeServerFqdn: 'Exchange 伺服器 FQDN',
    lyncServerFqdn: 'Lync 伺服器 FQDN',
    umProviderFqdn: '整合通訊提供者 FQDN',
  },
  script: {
    title: 'LEXO 修正指令碼',
    review: 'LEXO 絕不會自行執行任何命令。請先閱讀此指令碼，先以 -WhatIf 執行，再依每個命令註明的位置自行執行。',
    whatIf: '試執行：.\\script.ps1 -WhatIf    每次變更前確認：.\\script.ps1 -Confirm',
    noConclusion: '尚無結論：此指令碼不會變更任何設定，只包含檢查命令，其輸出可貼回 LEXO 作為佐證資料。',
    prerequisites: '先決條件：此指令碼需要的 Cmdlet 必須已載入到此工作階段。',
    fixHeading: '修正',
    verifyHeading: '驗證',
    checksHeading: '檢查',
    notes: '工程師備註',
    findings: '發現的問題',
    missing: (cmdlet, where) => `此 PowerShell 工作階段中沒有 ${cmdlet}。請在下列環境執行此指令碼：${where}`,
    loadModule: '已載入提供此 Cmdlet 之模組的 PowerShell 工作階段',
    todo: (names) => `待辦：請填入 ${names}，再移除命令前面的 #。`,
    uncomment: '在填入值之前暫不執行：',
    notPowerShell: '這不是 PowerShell 命令：請依指示的位置手動執行 (例如 Mac 上的「終端機」)：',
    create: '建立',
    update: '更新設定',
    recreate: (proxy) => `移除後以 ProxyFqdn ${proxy} 重新建立`,
    exists: (what) => `${what} 已存在：不會重新建立。下方的驗證會顯示其設定。`,
    wrongProxy: (what, proxy) =>
      `${what} 已存在，但 ProxyFqdn 不是 ${proxy}。ProxyFqdn 無法變更：請移除該項目，再重新執行此指令碼。`,
    dnsExists: (name, zone) => `${zone} 中已有名為 ${name} 的記錄：未新增。請確認它指向命令中的目標。`,
    run: '執行',
    checkFailed: '檢查失敗',
    done: '完成。請將上方的輸出與報告中預期的結果比較。',
  },
};

export const REPORT_LABELS: { readonly [L in Lang]: ReportLabels } = { en: EN, fr: FR, 'zh-TW': ZH_TW };

export function labelsFor(lang: Lang): ReportLabels {
  return REPORT_LABELS[lang];
}
