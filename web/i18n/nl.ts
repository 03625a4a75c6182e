/**
 * Dutch message catalogue: the source of truth for every string a user sees.
 *
 * Write at B1 level: short sentences, common words, "u". Every error tells
 * the person what to do next. `{name}` placeholders are filled by `t()`.
 * The English catalogue (en.ts) must have exactly these keys; TypeScript
 * checks that.
 */
export const nl = {
  // Application frame
  'app.name': 'samenspel',
  'app.titleSuffix': 'samenspel',
  'app.loading': 'Bezig met laden…',
  'layout.skipLink': 'Naar de inhoud',
  'layout.mainNav': 'Hoofdmenu',
  'layout.home': 'Start',
  'layout.profile': 'Mijn profiel',
  'layout.users': 'Gebruikers',
  'layout.auditLog': 'Auditlog',
  'layout.outbox': 'Postvak (demo)',
  'layout.signIn': 'Inloggen',
  'layout.signOut': 'Uitloggen',
  'layout.signedInAs': 'Ingelogd als {name}',
  'layout.municipality': 'Gemeente',
  'layout.switchMunicipality': 'Wisselen',
  'layout.municipalityOf': 'Gemeente {name}',
  'layout.homeLink': 'samenspel, naar de startpagina',
  'layout.demoBanner':
    'Dit is een demoversie met verzonnen gegevens. E-mails gaan niet echt weg. U vindt ze in het postvak.',
  'layout.footer.heading': 'Over samenspel',
  'layout.footer.about':
    'samenspel is open software voor het sociaal domein. Gemeenten, inwoners en hulpverleners werken er samen in.',
  'layout.footer.version': 'Versie {version}',
  'layout.municipalitySwitched': 'U werkt nu in de gemeente {name}.',
  'layout.signedOut': 'U bent uitgelogd.',

  // Language switch: the label names the *other* language, in that language.
  'language.switchTo': 'English',
  'language.switchToLang': 'en',
  'language.switchToDescription': 'Switch to English',
  'language.nl': 'Nederlands',
  'language.en': 'English',
  'language.changed': 'De taal is nu Nederlands.',

  // Home
  'home.title': 'Start',
  'home.heading': 'Welkom bij samenspel',
  'home.intro':
    'Met samenspel werken inwoners, buren, vrijwilligers en hulpverleners samen in uw gemeente.',
  'home.point.neighbours': 'Hulp van buren als dat genoeg is.',
  'home.point.care': 'Zorg van een professional als dat nodig is.',
  'home.point.plan': 'Eén plan, dat u samen met ons maakt.',
  'home.point.conversation': 'Eerst een gesprek als u het ergens niet mee eens bent.',
  'home.signInHeading': 'Inloggen',
  'home.signInText': 'Heeft u een account? Log dan in om verder te gaan.',
  'home.noAccount': 'Heeft u nog geen account? Vraag het aan bij uw gemeente.',
  'home.welcome': 'Welkom, {name}',
  'home.workingIn': 'U werkt nu in de gemeente {municipality}.',
  'home.tasksHeading': 'Wat wilt u doen?',
  'home.comingHeading': 'Binnenkort',
  'home.comingIntro': 'Deze onderdelen komen er binnenkort bij voor uw rol.',
  'home.comingBadge': 'Binnenkort',
  'home.noRoles':
    'U heeft nog geen rol in deze gemeente. Vraag de functioneel beheerder van uw gemeente om u een rol te geven.',
  'tile.profile.title': 'Mijn profiel',
  'tile.profile.text': 'Bekijk en wijzig uw gegevens. Zie wie uw gegevens heeft bekeken.',
  'tile.users.title': 'Gebruikers',
  'tile.users.text': 'Zoek gebruikers, maak een nieuwe gebruiker aan en wijzig rollen.',
  'tile.auditLog.title': 'Auditlog',
  'tile.auditLog.text': 'Zie wie wat heeft gedaan. Controleer of niemand het logboek heeft aangepast.',
  'coming.resident':
    'U kunt straks hulp vragen en hulp aanbieden in uw buurt. U ziet uw eigen plan en schrijft mee. En u laat weten wat u van de hulp vindt.',
  'coming.volunteer':
    'U kunt straks hulp aanbieden aan buren. U kunt ook een vaste beurt nemen in een rooster en naar ontmoetingen gaan.',
  'coming.social_worker':
    'U ziet straks hulpvragen die nog geen helper hebben. U maakt een netwerkkaart, regelt het plan van een gezin en meet wat de hulp oplevert.',
  'coming.professional':
    'U werkt straks mee aan het plan van een inwoner of gezin. U laat zien wat de hulp heeft opgeleverd.',
  'coming.policy_officer':
    'U ziet straks wat de hulp oplevert en wat die kost. U werkt samen met zorgaanbieders en beantwoordt signalen uit de praktijk.',
  'coming.mediator':
    'U helpt straks bij meningsverschillen. Eerst met een gewoon gesprek. Als het nodig is met formele mediation.',
  'coming.arbiter':
    'U helpt straks bij geschillen tussen de gemeente en zorgaanbieders, voordat die naar de rechter gaan.',
  'coming.admin': 'U stelt straks ook categorieën en tarieven in voor uw gemeente.',

  // Sign in
  'signIn.title': 'Inloggen',
  'signIn.intro': 'Log in met uw e-mailadres en wachtwoord.',
  'signIn.submit': 'Inloggen',
  'signIn.busy': 'Bezig met inloggen…',
  'signIn.forgot': 'Wachtwoord vergeten?',
  'signIn.demoHeading': 'Demo',
  'signIn.demoText':
    'Log in met bijvoorbeeld beheer@dordrecht.example of inwoner@dordrecht.example. Het wachtwoord is samenspel-demo-2026.',
  'signIn.sessionExpired': 'U bent uitgelogd. Log opnieuw in om verder te gaan.',
  'signIn.alreadySignedIn': 'U bent al ingelogd als {name}.',
  'signIn.toHome': 'Naar de startpagina',

  // Forgotten password
  'forgot.title': 'Wachtwoord vergeten',
  'forgot.intro':
    'Vul uw e-mailadres in. U krijgt dan een e-mail met een link. Met die link kiest u een nieuw wachtwoord.',
  'forgot.submit': 'Stuur mij een link',
  'forgot.sentHeading': 'Kijk in uw e-mail',
  'forgot.sent':
    'Is dit e-mailadres bij ons bekend? Dan krijgt u binnen een paar minuten een e-mail. Kijk ook in de map met ongewenste e-mail.',
  'forgot.demoOutbox': 'Dit is een demoversie. De e-mail staat in het postvak.',
  'forgot.toOutbox': 'Naar het postvak',
  'forgot.backToSignIn': 'Terug naar inloggen',

  // Reset password
  'reset.title': 'Nieuw wachtwoord kiezen',
  'reset.intro':
    'Kies een nieuw wachtwoord van minstens 12 tekens. Een zin van een paar woorden is makkelijk te onthouden en moeilijk te raden.',
  'reset.submit': 'Wachtwoord opslaan',
  'reset.done': 'Uw nieuwe wachtwoord is opgeslagen. U kunt nu inloggen.',
  'reset.noToken':
    'Deze link is niet compleet. Open de link uit de e-mail opnieuw. Werkt dat niet? Vraag dan een nieuwe link aan.',
  'reset.requestNew': 'Vraag een nieuwe link aan',

  // Profile
  'profile.title': 'Mijn profiel',
  'profile.detailsHeading': 'Mijn gegevens',
  'profile.detailsIntro': 'U kunt uw naam en telefoonnummer zelf wijzigen.',
  'profile.email': 'E-mailadres',
  'profile.noEmail': 'Geen e-mailadres bekend',
  'profile.save': 'Gegevens opslaan',
  'profile.saved': 'Uw gegevens zijn opgeslagen.',
  'profile.rolesHeading': 'Mijn rollen',
  'profile.rolesIntro': 'Dit zijn uw rollen in de gemeente {municipality}.',
  'profile.noRoles': 'U heeft nog geen rol in deze gemeente.',
  'profile.languageHeading': 'Taal',
  'profile.languageLegend': 'In welke taal wilt u samenspel gebruiken?',
  'profile.languageSave': 'Taal opslaan',
  'profile.accessHeading': 'Wie heeft mijn gegevens bekeken',
  'profile.accessIntro':
    'Hier ziet u wie uw gegevens heeft bekeken of gewijzigd, en waarom. Klopt er iets niet? Neem dan contact op met uw gemeente.',
  'profile.accessCaption': 'Wie heeft mijn gegevens bekeken, nieuwste eerst',
  'profile.accessEmpty': 'Er heeft nog niemand uw gegevens bekeken.',
  'profile.col.when': 'Wanneer',
  'profile.col.who': 'Wie',
  'profile.col.role': 'Rol',
  'profile.col.what': 'Wat',
  'profile.col.why': 'Waarom',

  // Admin: users
  'users.title': 'Gebruikers',
  'users.intro': 'Zoek gebruikers in de gemeente {municipality}. Of maak een nieuwe gebruiker aan.',
  'users.new': 'Nieuwe gebruiker',
  'users.searchHeading': 'Zoeken',
  'users.searchLabel': 'Naam of e-mailadres',
  'users.roleFilter': 'Rol',
  'users.anyRole': 'Alle rollen',
  'users.searchSubmit': 'Zoeken',
  'users.resultsOne': '1 gebruiker gevonden.',
  'users.resultsMany': '{count} gebruikers gevonden.',
  'users.empty': 'Geen gebruikers gevonden. Probeer een andere zoekterm of rol.',
  'users.caption': 'Gebruikers in de gemeente {municipality}',
  'users.col.name': 'Naam',
  'users.col.email': 'E-mailadres',
  'users.col.roles': 'Rollen',
  'users.noEmail': 'Geen e-mailadres',
  'users.previous': 'Vorige',
  'users.next': 'Volgende',
  'users.pageOf': 'Pagina {page} van {pages}',
  'users.pagination': 'Pagina’s',

  'userNew.title': 'Nieuwe gebruiker',
  'userNew.intro': 'Vul de gegevens in. Velden met "niet verplicht" mag u leeg laten.',
  'userNew.submit': 'Gebruiker aanmaken',
  'userNew.created': '{name} is aangemaakt.',
  'userNew.createdInvited': '{name} is aangemaakt en krijgt een uitnodiging per e-mail.',
  'userNew.cancel': 'Terug naar gebruikers',

  'userDetail.title': 'Gebruiker {name}',
  'userDetail.back': 'Terug naar gebruikers',
  'userDetail.detailsHeading': 'Gegevens',
  'userDetail.phone': 'Telefoonnummer',
  'userDetail.noPhone': 'Geen telefoonnummer bekend',
  'userDetail.account': 'Account',
  'userDetail.hasAccount': 'Kan inloggen',
  'userDetail.noAccount': 'Heeft nog geen account',
  'userDetail.createdAt': 'Aangemaakt op',
  'userDetail.rolesHeading': 'Rollen wijzigen',
  'userDetail.save': 'Rollen opslaan',
  'userDetail.saved': 'De rollen van {name} zijn opgeslagen.',

  // Admin: audit log
  'audit.title': 'Auditlog',
  'audit.intro':
    'Het auditlog laat zien wie wat heeft gedaan in samenspel. Niemand kan het aanpassen. Met de knop "Controleer keten" ziet u of het logboek nog compleet is.',
  'audit.filterHeading': 'Filteren',
  'audit.filterSubmit': 'Filter toepassen',
  'audit.filterClear': 'Filter wissen',
  'audit.anyAction': 'Alle acties',
  'audit.verify': 'Controleer keten',
  'audit.verifying': 'Bezig met controleren…',
  'audit.verifyOk': 'De keten is in orde. Er zijn {checked} gebeurtenissen gecontroleerd.',
  'audit.verifyBroken':
    'De keten is verbroken bij gebeurtenis {seq}. Het logboek is misschien aangepast. Meld dit direct bij de security officer van uw gemeente.',
  'audit.caption': 'Gebeurtenissen, nieuwste eerst',
  'audit.empty': 'Er zijn geen gebeurtenissen gevonden. Pas het filter aan.',
  'audit.more': 'Meer laden',
  'audit.col.seq': 'Nr.',
  'audit.col.when': 'Wanneer',
  'audit.col.who': 'Wie',
  'audit.col.action': 'Actie',
  'audit.col.subject': 'Over wie',
  'audit.col.purpose': 'Doel',
  'audit.col.outcome': 'Resultaat',
  'audit.col.requestId': 'Verzoeknummer',
  'audit.system': 'Systeem',
  'audit.none': '—',

  // Demo outbox
  'outbox.title': 'Postvak (demo)',
  'outbox.intro':
    'In de demoversie verstuurt samenspel geen echte e-mails. U vindt ze hier, de nieuwste bovenaan.',
  'outbox.empty': 'Het postvak is leeg. Vraag bijvoorbeeld een nieuw wachtwoord aan.',
  'outbox.refresh': 'Postvak vernieuwen',
  'outbox.refreshed': 'Het postvak is vernieuwd.',
  'outbox.to': 'Aan',
  'outbox.sentAt': 'Verstuurd',

  // Not found, no access
  'notFound.title': 'Pagina niet gevonden',
  'notFound.text': 'Deze pagina bestaat niet (meer). Controleer het adres, of ga naar de startpagina.',
  'notFound.home': 'Naar de startpagina',
  'forbidden.title': 'Geen toegang',
  'forbidden.text':
    'U heeft geen toegang tot deze pagina. Denkt u dat dit niet klopt? Vraag de functioneel beheerder van uw gemeente om u de juiste rol te geven.',

  // Form fields
  'field.email': 'E-mailadres',
  'field.password': 'Wachtwoord',
  'field.newPassword': 'Nieuw wachtwoord',
  'field.newPasswordHint': 'Minstens 12 tekens.',
  'field.confirmPassword': 'Herhaal het nieuwe wachtwoord',
  'field.givenName': 'Voornaam',
  'field.familyName': 'Achternaam',
  'field.phone': 'Telefoonnummer',
  'field.phoneHint': 'Bijvoorbeeld 06 12345678.',
  'field.optional': '(niet verplicht)',
  'field.roles': 'Rollen',
  'field.rolesHint': 'Kies een of meer rollen.',
  'field.organisation': 'Organisatie van de professional',
  'field.organisationHint': 'Een professional werkt altijd voor een organisatie.',
  'field.organisationChoose': 'Kies een organisatie',
  'field.organisationNone':
    'Er zijn nog geen organisaties in deze gemeente. Vraag de functioneel beheerder om er een toe te voegen.',
  'field.invite': 'Stuur een uitnodiging per e-mail',
  'field.inviteHint': 'De gebruiker krijgt een e-mail met een link om een wachtwoord te kiezen.',
  'field.action': 'Actie',
  'field.from': 'Vanaf datum',
  'field.to': 'Tot en met datum',

  'form.saving': 'Bezig met opslaan…',
  'form.summaryHeading': 'Er is een probleem',
  'form.summaryFields': 'Controleer deze velden:',

  // Field-level errors: `fieldError.<field>.<code>` wins over `fieldError.<code>`.
  'fieldError.required': 'Vul dit veld in.',
  'fieldError.invalid_type': 'Dit veld heeft een verkeerde waarde. Controleer wat u heeft ingevuld.',
  'fieldError.too_short': 'Dit is te kort. Vul meer tekens in.',
  'fieldError.too_long': 'Dit is te lang. Maak het korter.',
  'fieldError.invalid_format': 'Dit heeft niet de goede vorm. Controleer wat u heeft ingevuld.',
  'fieldError.invalid_value': 'Deze keuze is niet mogelijk. Kies iets anders.',
  'fieldError.unknown_field': 'Dit veld kennen wij niet. Laad de pagina opnieuw en probeer het nog eens.',
  'fieldError.already_taken': 'Dit is al in gebruik. Kies iets anders.',
  'fieldError.weak_password':
    'Dit wachtwoord is te makkelijk te raden. Kies een langer wachtwoord, bijvoorbeeld een zin van een paar woorden.',
  'fieldError.invalid': 'Dit klopt niet. Controleer wat u heeft ingevuld.',
  'fieldError.email.required': 'Vul uw e-mailadres in.',
  'fieldError.email.requiredForInvite':
    'Vul een e-mailadres in. Zonder e-mailadres kunnen wij geen uitnodiging sturen.',
  'fieldError.email.invalid_format': 'Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.',
  'fieldError.email.already_taken':
    'Dit e-mailadres is al in gebruik. Gebruik een ander e-mailadres, of zoek de gebruiker op in de lijst.',
  'fieldError.password.required': 'Vul uw wachtwoord in.',
  'fieldError.password.too_short': 'Gebruik minstens 12 tekens.',
  'fieldError.password.mismatch':
    'De twee wachtwoorden zijn niet hetzelfde. Typ het nieuwe wachtwoord twee keer precies hetzelfde.',
  'fieldError.givenName.required': 'Vul de voornaam in.',
  'fieldError.familyName.required': 'Vul de achternaam in.',
  'fieldError.phone.invalid_format': 'Vul een geldig telefoonnummer in, zoals 06 12345678.',
  'fieldError.roles.required': 'Kies minstens één rol.',
  'fieldError.organisationId.required': 'Kies de organisatie waar de professional werkt.',
  'fieldError.to.before_from': 'Deze datum ligt voor de begindatum. Kies een latere datum.',

  // Errors from the server, by problem code. Each one says what to do next.
  'error.validation_failed': 'Niet alles is goed ingevuld. Controleer de velden en probeer het opnieuw.',
  'error.malformed_json': 'Er ging iets mis bij het versturen. Laad de pagina opnieuw en probeer het nog eens.',
  'error.unsupported_media_type':
    'Er ging iets mis bij het versturen. Laad de pagina opnieuw en probeer het nog eens.',
  'error.payload_too_large': 'U heeft te veel tekst of een te groot bestand verstuurd. Maak het kleiner en probeer het opnieuw.',
  'error.unauthenticated': 'U bent niet meer ingelogd. Log opnieuw in en probeer het nog eens.',
  'error.forbidden': 'U mag dit niet doen. Vraag de functioneel beheerder van uw gemeente om hulp.',
  'error.not_found': 'Wij kunnen dit niet vinden. Misschien is het verwijderd. Ga terug en probeer het opnieuw.',
  'error.conflict': 'Dit bestaat al. Controleer de gegevens en probeer het opnieuw.',
  'error.invalid_credentials':
    'Het e-mailadres of het wachtwoord klopt niet. Controleer uw e-mailadres en wachtwoord. Wachtwoord vergeten? Vraag een nieuw wachtwoord aan.',
  'error.too_many_attempts':
    'U heeft te vaak geprobeerd in te loggen. Wacht {minutes} minuten en probeer het dan opnieuw.',
  'error.too_many_attempts_soon':
    'U heeft te vaak geprobeerd in te loggen. Wacht een paar minuten en probeer het dan opnieuw.',
  'error.csrf_failed': 'Uw sessie is verlopen. Laad de pagina opnieuw en probeer het nog eens.',
  'error.reset_token_invalid':
    'Deze link werkt niet meer. Misschien is hij al gebruikt of is hij te oud. Vraag een nieuwe link aan.',
  'error.internal':
    'Er ging iets mis bij ons. Probeer het over een paar minuten opnieuw. Blijft het misgaan? Neem dan contact op met uw gemeente.',
  'error.network':
    'Wij kunnen samenspel nu niet bereiken. Controleer uw internetverbinding en probeer het opnieuw.',
  'error.reference': 'Neemt u contact op? Noem dan dit nummer: {requestId}.',

  // Roles (code names from shared/roles.ts)
  'role.resident': 'Inwoner',
  'role.volunteer': 'Vrijwilliger',
  'role.social_worker': 'Sociaal werker',
  'role.professional': 'Professional (hulpverlener)',
  'role.policy_officer': 'Beleidsmedewerker',
  'role.mediator': 'Mediator',
  'role.arbiter': 'Arbiter (lid arbitragecommissie)',
  'role.admin': 'Functioneel beheerder',
  'role.atOrganisation': '{role} bij {organisation}',

  'organisationKind.care_provider': 'Zorgaanbieder',
  'organisationKind.welfare_organisation': 'Welzijnsorganisatie',
  'organisationKind.housing_corporation': 'Woningcorporatie',
  'organisationKind.school': 'School',
  'organisationKind.other': 'Andere organisatie',

  // Audit actions, purposes and outcomes, as in shared/audit.ts.
  // The audit log filter offers exactly these actions. Unknown codes are shown as they are.
  'action.person.read': 'Gegevens bekeken',
  'action.person.list': 'Lijst met personen bekeken',
  'action.person.create': 'Persoon aangemaakt',
  'action.person.update': 'Gegevens gewijzigd',
  'action.person.roles.update': 'Rollen gewijzigd',
  'action.person.access_log.read': 'Inzage-overzicht bekeken',
  'action.organisation.create': 'Organisatie aangemaakt',
  'action.audit.search': 'Auditlog bekeken',
  'action.audit.verify': 'Keten gecontroleerd',
  'action.help_request.create': 'Hulpvraag geplaatst',
  'action.help_request.read': 'Hulpvraag bekeken',
  'action.help_request.list': 'Lijst met hulpvragen bekeken',
  'action.help_request.cancel': 'Hulpvraag ingetrokken',
  'action.volunteer_profile.read': 'Vrijwilligersprofiel bekeken',
  'action.volunteer_profile.update': 'Vrijwilligersprofiel gewijzigd',
  'action.vog.record': 'VOG vastgelegd',
  'purpose.self_service': 'Eigen gegevens',
  'purpose.account_management': 'Beheer van gebruikers',
  'purpose.privacy_oversight': 'Toezicht op privacy',
  'purpose.neighbour_help': 'Buurthulp',
  'purpose.system_data_load': 'Gegevens ingelezen door het systeem',
  'outcome.success': 'Gelukt',
  'outcome.denied': 'Geweigerd',
};

export type MessageKey = keyof typeof nl;
/** Shape every other catalogue must have: all Dutch keys, nothing more. */
export type Catalogue = Record<MessageKey, string>;
