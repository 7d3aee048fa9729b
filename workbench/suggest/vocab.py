"""Small hand-written vocabularies of cable English that the person detector relies on.

These are facts about how cables are written (titles and office abbreviations, reporting
verbs, words that end organisation names), not lists taken from any cable. All are lower
case; the detector folds tokens before looking them up.
"""

from __future__ import annotations


def _words(block: str) -> frozenset[str]:
    return frozenset(block.split())


# Words that stand before a name and are not part of it ("Ambassador Vershbow" -> Vershbow).
# nameparser's title list is added to these at load time (see name_titles.py); these are the
# cable forms it lacks.
TITLES = _words(
    """
    mr mrs ms miss dr prof professor sir dame lord lady sheikh shaykh sheik shaikh sayyid
    sayed sayyed mullah mulla imam hajji haji emir amir prince princess king queen sultan
    sultana president vice-president vp premier chancellor minister ministers
    secretary undersecretary under-secretary ambassador amb ambassador-designate charge
    chargé cda dcm a/dcm poloff econoff polchief polcouns econcouns pol/econ consul congen
    cg counselor counsellor attache attaché general gen lieutenant lt col colonel maj major
    capt captain cmdr commander cdr adm admiral brigadier brig sgt sergeant marshal
    governor gov mayor senator sen rep representative congressman congresswoman
    congressmen deputy mp speaker chairman chairwoman chair chairperson spokesman
    spokeswoman spokesperson judge justice prosecutor magistrate commissioner envoy
    coordinator bishop archbishop cardinal pope rev reverend father patriarch rabbi ayatollah
    cleric dean rector ceo founder editor columnist analyst lawyer attorney doctor activist
    businessman businesswoman a/s das u/s s/e p/e nsa dni srap codel staffdel coas mg fm pm
    dpm pres syg sg dsg usg/sg asg p/m fonmin formin defmin primin finmin intmin amcit uscit
    pdas adcm permrep permreps secgen austr dusr
    excellency honourable hon monsieur herr frau signor signora cheikh shaik shekh effendi
    mgr monseigneur
    manager managers sherpa
    amb. gen. col. maj. capt. lt. sgt. sen. rep. gov. dr. mr. mrs. ms. prof. rev.
    president-elect director director-general dg head chief leader official officer
    advisor adviser aide assistant counsel member delegate deputies
    """
)

# Titles that name an office of state: a person introduced by one is a public official.
OFFICIAL_TITLES = _words(
    """
    president vice-president vp premier chancellor minister secretary undersecretary
    under-secretary ambassador amb charge cda dcm a/dcm consul congen cg counselor
    counsellor general gen lieutenant lt col colonel maj major capt captain cmdr commander
    cdr adm admiral brigadier brig governor gov mayor senator sen rep representative
    congressman congresswoman deputy mp speaker judge justice prosecutor magistrate
    commissioner envoy king queen prince princess emir amir sultan crown a/s das u/s fm pm
    dpm nsa dni srap codel coas mg president-elect director director-general dg
    fonmin formin defmin primin finmin intmin pdas adcm permrep permreps
    spokesman spokeswoman spokesperson chairman chairwoman
    """
)

# Verbs of reporting that follow a speaker's name ("Hegazy said", "Zardari told").
SPEECH_VERBS = _words(
    """
    said says told tells noted stated added adds explained explains asked asks argued
    argues believes believed emphasized emphasised commented confirmed confirms indicated
    indicates claimed reported described describes suggested suggests warned warns
    expressed expresses agreed agrees urged urges stressed stresses assured assures
    mentioned mentions responded responds replied replies acknowledged acknowledges
    predicted predicts lamented laments pledged pledges insisted insists asserted asserts
    observed observes opined opines recalled recalls underscored underscores complained
    complains admitted admits announced announces denied denies remarked thought thinks
    feels felt hoped hopes wrote writes met welcomed criticized criticised praised
    cautioned cautions promised invited declared declares conceded concedes continued
    countered expects expected offered proposed requested reiterated reiterates briefed
    discussed raised speculated
    """
)

# Words that end the name of an organisation, place or thing: "Julia Taft Fund",
# "Qadhafi Development Foundation", "King Fahd Causeway" are not persons.
ORG_WORDS = _words(
    """
    ministry party university college school institute institution foundation fund
    commission committee council tribunal court bank corporation corp company co ltd inc
    llc plc group agency front union association society center centre airport prize award
    program programme plan act law doctrine street st avenue ave road boulevard square
    bridge causeway hospital clinic mountain mountains river lake island islands city
    province district county airlines airways news times post herald journal radio
    television tv network channel newspaper magazine express brigade brigades movement
    army navy force forces scholarship
    fellowship center station base camp trust bloc coalition alliance federation league
    organization organisation department office bureau house palace hall building stadium
    mosque church cathedral temple port harbor harbour canal dam field fields plant mine
    industries industry holdings enterprises systems technologies motors oil gas energy
    electric airline media press initiative declaration accord agreement treaty protocol
    convention resolution report memorial museum library gate tower holding
    blvd highway strasse straße
    chamber hotel hotels resort resorts inn club academy gazette tribune daily weekly
    """
)

# Name particles written in lower case inside a name (Pinheiro da Silva, ter Horst).
PARTICLES = _words(
    """
    al el bin ibn bint abu abd abdel abdul ben bel ould de da das do dos du del della der
    den di la le van von ter ten y e zu
    """
)

# Capitalised words at the start of a run that are not names (sentence openers, months,
# cable vocabulary); the English word list catches most, these are the exceptions it misses.
NOT_NAMES = _words(
    """
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday
    post embassy consulate mission department state washington usg gol goi gob goe gos
    summary comment note begin end action request reftel septel ref refs para paragraph
    section subject tags classified by reason reasons sipdis noforn confidential secret
    unclassified unclas sensitive but amembassy amconsul secstate washdc usmission
    usdel info action page dob los las les des un eu muslim muslims arab arabs kurd kurds
    shia shiite shiites sunni sunnis jew jews jewish hindu hindus sikh sikhs druze alawite
    alawites sufi bona fides poloffs emboffs econoffs emboff
    shi'a shi'as shi'i shi'is shi'ite shi'ites sunna salafi salafis wahhabi wahhabis
    ismaili ismailis copt copts maronite maronites zaydi zaydis houthi houthis yazidi
    yazidis
    he she they we it you his her its their our this that these those there here
    """
)

# Words that open the names of places ("San Pedro", "Nuevo Leon", "Sao Paulo"); a run that
# begins with one is a place unless a title stands before it.
PLACE_PREFIXES = _words(
    """
    san santa santo sao são nuevo nueva puerto porto port fort mount mt lake new north
    south east west upper lower greater saint st ciudad villa rio río lago isla islas
    cerro sierra laguna tierra cayo cayos playa punta bahia bahía praia ilha
    """
)

# Abbreviations written with dots that are not initials of a name.
DOTTED_ABBREVIATIONS = _words(
    """
    u.s. u.s u.k. u.k u.n. u.n d.c. d.c e.u. e.u u.s.a. u.s.a a.m. p.m. i.e. e.g. n.y. s.a.
    r.o.k. p.r.c. u.a.e. u.s.s.r. a.i. e.o. n.b. p.o. s.p.a. b.v. n.v. c.v. l.l.c. d.o.b.
    """
)

# Abbreviated titles after which a full stop does not end the name ("Gen. Kayani").
DOTTED_TITLES = _words(
    """
    mr mrs ms dr st jr sr lt col gen maj capt amb sen rep gov prof rev sgt adm brig cmdr
    cdr pres sec dep asst
    """
)

# Arabic-article names that are organisations or media, not persons.
ARTICLE_ORGS = _words(
    """
    al-qaida al-qa'ida al-qaeda al-qaida's al-jazeera al-jazira al-arabiya al-sharq
    al-shabaab al-shabab al-aqsa al-azhar al-hayat al-ahram al-quds al-nusra al-wefaq
    al-dawa al-manar al-mustaqbal al-watan al-masry al-shorouk al-youm al-akhbar
    al-dustour al-ahali al-wafd al-arab al-riyadh al-jazirah al-hurra al-iraqiya
    al-awsat al-mehwar al-sabah al-rai al-qabas al-anba al-jarida al-watan al-khaleej
    al-fitr al-adha
    """
)
# Regions and cities named with the article that the place lists spell otherwise or not at
# all (al-Andalus, the Muslim Iberia; al-Maghrib, Morocco; al-Sham, Greater Syria).
ARTICLE_PLACES = _words(
    """
    al-andalus al-maghrib al-maghreb al-sham al-hijaz al-jazair al-khalil al-mashriq
    al-kuwait al-bahrain al-yaman al-iraq al-sudan al-qahira al-iskandariya
    """
)

# Words that open the Spanish, Portuguese and French names of bodies, parties, programmes
# and newspapers ("Instituto de Defensa Legal", "Partido de la U", "Barrio Adentro").
ORG_HEADS = _words(
    """
    instituto partido movimiento frente fundacion fundación asociacion asociación banco
    universidad ministerio consejo comision comisión colegio empresa grupo sociedad
    corporacion corporación servicio policia policía fuerzas ejercito ejército armada armee
    barrio mision misión sendero tribunal juzgado audiencia camara cámara congreso
    partí parti mouvement institut fondation ministère conseil
    dar bayt beit bait masjid madrasa madrassa jamia jamiat hizb harakat jabhat jaish
    kataib majlis clinica clínica hospital hotel
    casa palacio palácio palazzo palais bank banque banca caja compagnie societe société
    """
)

# Words that stand before a title and belong to it, not to the name before it
# ("Michael Battle Special Envoy", "Daniel Fried Senior Adviser").
TITLE_MODIFIERS = _words(
    """
    special senior acting interim principal former then incoming outgoing new chief crown
    """
)

# Regions that are no country or city but are written like names ("Latin America").
REGIONS = _words(
    """
    latin_america middle_east near_east far_east west_africa east_africa north_africa
    southern_africa central_africa southeast_asia central_asia south_asia east_asia
    central_america south_america north_america western_europe eastern_europe
    central_europe persian_gulf arabian_peninsula horn_of_africa sub-saharan_africa
    west_bank gaza_strip
    """
)
REGION_NAMES = frozenset(r.replace("_", " ") for r in REGIONS)

# Suffixes after a hyphen that make a word an adjective: "Toronto-based", "USG-related".
HYPHEN_ADJECTIVES = _words(
    """
    based related led owned backed run born funded affiliated linked style type level
    controlled dominated sponsored oriented centred centered friendly elect designate
    """
)

# Honorifics that may stand inside a name too: "Sharif Shaykh Ahmed".
HONORIFICS = frozenset({"sheikh", "shaykh", "sheik", "shaikh", "sayyid", "sayed"})
# Words that begin Arabic names and are written capitalised: "Abu Qatada", "Abdel Wahid".
NAME_HEADS = frozenset({"abu", "abd", "abdel", "abdul", "abdal", "bin", "ibn", "bint", "ould"})
# Nouns a leader's name stands before: "the Obama Administration", "the Bush government".
LEADER_NOUNS = frozenset({"administration", "government", "regime", "presidency", "era"})

# Words that open a street's name in an address ("Avenida das Nacoes", "Rua Felix de
# Sousa", "Calle 72"): the run after one is a street, whoever it is named after.
STREET_HEADS = _words(
    """
    avenida av avda rua calle carrera cra rodovia estrada alameda travessa praca praça
    paseo calzada camino jalan jl rue boulevard viale piazza via ulitsa ul
    colonia bairro fraccionamiento fracc urbanizacion urbanización
    """
)
