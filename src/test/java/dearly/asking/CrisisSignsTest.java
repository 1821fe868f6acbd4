package dearly.asking;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The crisis table: how parents really write, typos and missing accents included, in both
 * directions. Missing a crisis is far worse than a false alarm, so the rows that must be caught
 * are the ones to add to first.
 */
class CrisisSignsTest {
    private static final CrisisSigns SIGNS = CrisisSigns.load();

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            SUICIDE_OR_SELF_HARM | I want to kill myself
            SUICIDE_OR_SELF_HARM | sometimes i think about killing myself when he cries at 3am
            SUICIDE_OR_SELF_HARM | I’ve been having suicidal thoughts since the birth
            SUICIDE_OR_SELF_HARM | i feel sucidal and i dont know who to tell
            SUICIDE_OR_SELF_HARM | I just want to end it all
            SUICIDE_OR_SELF_HARM | Honestly I don't want to be here anymore
            SUICIDE_OR_SELF_HARM | i dont want to live like this anymore
            SUICIDE_OR_SELF_HARM | The baby would be better off without me
            SUICIDE_OR_SELF_HARM | My family would be better off without me. I'm a terrible mom
            SUICIDE_OR_SELF_HARM | I wish I could go to sleep and never wake up
            SUICIDE_OR_SELF_HARM | I wish I was dead, every single night
            SUICIDE_OR_SELF_HARM | I've started cutting myself again
            SUICIDE_OR_SELF_HARM | I hurt myself on purpose so I can feel something
            SUICIDE_OR_SELF_HARM | I keep thinking about driving my car into a tree on the way to daycare
            SUICIDE_OR_SELF_HARM | I thought about taking all of my sleeping pills
            SUICIDE_OR_SELF_HARM | wanna die tbh
            SUICIDE_OR_SELF_HARM | What's the point of living if I can't even feed my baby?
            SUICIDE_OR_SELF_HARM | I have no reason to live anymore
            SUICIDE_OR_SELF_HARM | Nobody would miss me if I was gone
            SUICIDE_OR_SELF_HARM | I want to disappear forever
            SUICIDE_OR_SELF_HARM | some days i could easily KILL MYSELF
            SUICIDE_OR_SELF_HARM | i want to unalive myself
            SUICIDE_OR_SELF_HARM | thinking of ending it, i'm so tired
            SUICIDE_OR_SELF_HARM | I hope I don't wake up tomorrow
            SUICIDE_OR_SELF_HARM | Sometimes I think everyone would be happier if I was gone
            SUICIDE_OR_SELF_HARM | i'm tired of living
            HARMING_THE_BABY     | I'm scared I'm going to hurt my baby
            HARMING_THE_BABY     | I would never hurt my baby, but I keep picturing dropping her down the stairs
            HARMING_THE_BABY     | I have intrusive thoughts about drowning him in the bath
            HARMING_THE_BABY     | Last night I shook the baby because she would not stop crying
            HARMING_THE_BABY     | I had the urge to shake the baby
            HARMING_THE_BABY     | what if I smother him with a pillow
            HARMING_THE_BABY     | I get images of throwing my son out the window
            HARMING_THE_BABY     | I snapped and hit my 6 week old
            HARMING_THE_BABY     | Sometimes I feel like I could hurt him when he screams
            HARMING_THE_BABY     | I’m terrified I’ll lose control and hurt her
            HARMING_THE_BABY     | I'm terrified that I'll hurt my baby
            HARMING_THE_BABY     | I think about it all the time, I could hurt my baby
            HARMING_THE_BABY     | I sometimes want to throw him against the wall
            VIOLENCE_AT_HOME     | My husband hits me when he drinks
            VIOLENCE_AT_HOME     | he hit me in front of the baby
            VIOLENCE_AT_HOME     | I'm afraid of my husband
            VIOLENCE_AT_HOME     | My partner pushed me against the wall while I was holding the baby
            VIOLENCE_AT_HOME     | my boyfriend threatened to kill me if I leave
            VIOLENCE_AT_HOME     | he choked me last week and I don't know what to do
            VIOLENCE_AT_HOME     | I don't feel safe at home with him
            VIOLENCE_AT_HOME     | He has never hit me before, but last night he punched me
            VIOLENCE_AT_HOME     | my husband is emotionally abusive
            VIOLENCE_AT_HOME     | he grabbed me by the neck
            VIOLENCE_AT_HOME     | he takes my money and won't let me see my friends
            VIOLENCE_AT_HOME     | my son's father hit me
            PSYCHOSIS            | I've been hearing voices since my daughter was born
            PSYCHOSIS            | The voices tell me the baby is not mine
            PSYCHOSIS            | I see things that aren't there at night
            PSYCHOSIS            | I'm sure someone replaced my baby at the hospital
            PSYCHOSIS            | people are watching me through the baby monitor
            PSYCHOSIS            | I hear the baby's voice telling me to do things
            SEVERE_DEPRESSION    | I think I have postpartum depression
            SEVERE_DEPRESSION    | I can't do this anymore
            SEVERE_DEPRESSION    | I feel nothing for my baby
            SEVERE_DEPRESSION    | I cry all day and I can't get out of bed
            SEVERE_DEPRESSION    | I regret having my baby
            SEVERE_DEPRESSION    | I feel so empty and hopeless
            SEVERE_DEPRESSION    | I wish I'd never had her
            """)
    void flagsEveryWayAParentMightSayShesInDanger(CrisisKind kind, String question) {
        assertThat(SIGNS.in(question)).contains(kind);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            SUICIDE_OR_SELF_HARM | Quiero suicidarme
            SUICIDE_OR_SELF_HARM | a veces pienso en suicidarme cuando el bebé no para de llorar
            SUICIDE_OR_SELF_HARM | Ya no quiero vivir
            SUICIDE_OR_SELF_HARM | no quiero vivir asi
            SUICIDE_OR_SELF_HARM | Quiero morirme
            SUICIDE_OR_SELF_HARM | me quiero morir, no puedo con todo
            SUICIDE_OR_SELF_HARM | Me quiero matar
            SUICIDE_OR_SELF_HARM | He pensado en quitarme la vida
            SUICIDE_OR_SELF_HARM | mi bebé estaría mejor sin mí
            SUICIDE_OR_SELF_HARM | Ojalá no despertar mañana
            SUICIDE_OR_SELF_HARM | Quiero desaparecer para siempre
            SUICIDE_OR_SELF_HARM | me corto los brazos para sentir algo
            SUICIDE_OR_SELF_HARM | pienso en tirarme del puente de camino al trabajo
            SUICIDE_OR_SELF_HARM | tengo pensamientos suicidas
            SUICIDE_OR_SELF_HARM | no quiero seguir viviendo
            SUICIDE_OR_SELF_HARM | quisiera dormirme y no despertar
            SUICIDE_OR_SELF_HARM | kiero morirme ya
            SUICIDE_OR_SELF_HARM | SOLO PIENSO EN SUISIDARME
            SUICIDE_OR_SELF_HARM | me quiero aventar del balcón
            SUICIDE_OR_SELF_HARM | estoy cansada de vivir
            HARMING_THE_BABY     | Tengo miedo de hacerle daño a mi bebé
            HARMING_THE_BABY     | a veces tengo ganas de sacudir al bebe cuando llora
            HARMING_THE_BABY     | Nunca le haría daño a mi bebé, pero tengo pensamientos horribles
            HARMING_THE_BABY     | tengo pensamientos intrusivos de ahogarlo en la bañera
            HARMING_THE_BABY     | me da miedo lastimarlo
            HARMING_THE_BABY     | lo sacudí porque no dejaba de llorar
            HARMING_THE_BABY     | me imagino tirándolo por la ventana
            HARMING_THE_BABY     | Siento que podría hacerle daño
            HARMING_THE_BABY     | le pegué a mi bebé y me siento fatal
            HARMING_THE_BABY     | me dan ganas de aventarlo contra la pared
            VIOLENCE_AT_HOME     | Mi esposo me golpea
            VIOLENCE_AT_HOME     | mi marido me pega cuando toma
            VIOLENCE_AT_HOME     | Me pega delante de los niños
            VIOLENCE_AT_HOME     | Le tengo miedo a mi esposo
            VIOLENCE_AT_HOME     | mi pareja me empujó cuando tenía al bebé en brazos
            VIOLENCE_AT_HOME     | me amenazó con quitarme a mi hijo
            VIOLENCE_AT_HOME     | No me siento segura en mi casa
            VIOLENCE_AT_HOME     | mi novio me dio una cachetada
            VIOLENCE_AT_HOME     | vivo violencia doméstica
            VIOLENCE_AT_HOME     | Nunca me había pegado hasta ayer
            VIOLENCE_AT_HOME     | mi esposo me dijo que me va a matar
            VIOLENCE_AT_HOME     | mi esposo me tiene amenazada
            PSYCHOSIS            | Escucho voces desde que nació mi hija
            PSYCHOSIS            | oigo voces que me dicen que el bebé no es mío
            PSYCHOSIS            | veo cosas que no están ahí
            PSYCHOSIS            | creo que cambiaron a mi bebé en el hospital
            PSYCHOSIS            | siento que me están vigilando
            PSYCHOSIS            | siento que Dios me pide que sacrifique al bebé
            SEVERE_DEPRESSION    | Creo que tengo depresión posparto
            SEVERE_DEPRESSION    | ya no puedo más
            SEVERE_DEPRESSION    | lloro todos los días y no quiero levantarme de la cama
            SEVERE_DEPRESSION    | no siento nada por mi bebé
            SEVERE_DEPRESSION    | me arrepiento de haber tenido a mi bebé
            SEVERE_DEPRESSION    | me siento vacía y sin esperanza
            """)
    void flagsEveryWayAParentMightSayShesInDangerInSpanish(CrisisKind kind, String question) {
        assertThat(SIGNS.in(question)).contains(kind);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            VIOLENCE_AT_HOME     | I'm so tired, mi esposo me pega and I don't know what to do
            SUICIDE_OR_SELF_HARM | Estoy tan cansada, I just want to die
            HARMING_THE_BABY     | My mom says I'm fine pero tengo miedo de hacerle daño al bebé
            SUICIDE_OR_SELF_HARM | This teething is killing me and honestly I want to end it all
            SUICIDE_OR_SELF_HARM | Me muero de sueño y ya no quiero vivir
            VIOLENCE_AT_HOME     | My back is killing me since he kicked me in the stomach
            """)
    void flagsACrisisMixedWithAnotherLanguageOrNextToAnIdiom(CrisisKind kind, String question) {
        assertThat(SIGNS.in(question)).contains(kind);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "This teething is killing me",
        "I'm dying to sleep more than four hours in a row",
        "My back is killing me from carrying the car seat",
        "My husband is killing it at work and I'm so proud of him",
        "I could kill for a nap right now",
        "I'm dead tired all the time, is that normal?",
        "I wanted to die of embarrassment, the baby screamed through the whole wedding",
        "Then it hit me that I haven't showered in three days",
        "My partner pushes me to go out with my friends",
        "The baby kicks me all night when we co-sleep",
        "I don't want to wake up the baby when I move her to the crib",
        "Can ibuprofen hurt my baby if I'm breastfeeding?",
        "Is it safe to drink coffee, will it hurt the baby?",
        "We're throwing a baby shower for my sister next week",
        "My husband would never hurt me, he's wonderful with the baby",
        "I'm not suicidal, just exhausted and overwhelmed",
        "The nurse told us never to shake a baby, but is bouncing okay?",
        "I dropped the baby off at daycare for the first time and cried",
        "How do I stop my toddler from hitting other kids?",
        "I hear the baby crying in the shower even when she's asleep",
        "My sister had postpartum depression, how can I support her?",
        "He gulps so fast he chokes on his milk, how do I slow the flow?",
        "I could just die when she smiles at me, she's so cute",
        "I'm drowning in laundry and dirty bottles",
        "She bit me while nursing and I yelped",
        "I hurt my back lifting the stroller",
        "I'm afraid of hurting her feelings if grandma can't babysit",
        "I need to end breastfeeding, how do I wean gently?",
        "It's the end of my maternity leave and I'm nervous",
        "I'm scared of giving him a bath, he's so slippery",
        "My baby hits me in the face when she's tired",
        "We wanted to kill time before the doctor's appointment",
        "The baby monitor picks up voices from the neighbours' radio",
        "I'm dying for a cup of coffee",
        "My husband and I are killing ourselves trying to keep the house clean",
        "Cluster feeding is going to be the death of me",
        "How do I stop feeling guilty about formula?",
        "My partner hit the snooze button five times this morning",
        "I'm so tired I could cry",
        "My baby would be better off with a nap schedule, any advice?",
        "I'm killing myself at the gym to lose the baby weight",
        "I wish I could disappear for a weekend and just sleep",
        "Then reality hit me: nobody sleeps with a newborn",
        "I'm worried the baby will choke on solids",
        "Our twins keep waking each other up, should we separate them?",
        "My husband is going to kill me when he sees the credit card bill",
        "Will coffee while breastfeeding hurt my baby?",
        "My mother in law hit me with unsolicited advice again",
        "Does a sling hurt the baby's hips?",
        "He hit me up on WhatsApp to ask about the baby",
        "I love him to death",
        "The kids are killing me today",
        "I don't want to wake up my husband when I get up",
    })
    void doesNotFlagEverydayExhaustionIdioms(String question) {
        assertThat(SIGNS.in(question)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Me muero de sueño",
        "me mata el cansancio",
        "Este bebé me tiene muerta de cansancio",
        "me muero de ganas de dormir una noche entera",
        "mi bebé se me pega todo el día, ¿es normal?",
        "el bebé me patea mucho por las noches",
        "me pegó la gripa y tengo miedo de contagiar al bebé",
        "me quiero morir de la vergüenza, el bebé lloró en toda la misa",
        "¿El ibuprofeno puede hacerle daño al bebé si doy pecho?",
        "¿El café le hace daño al bebé?",
        "No quiero despertar al bebé cuando lo paso a la cuna",
        "Mi esposo me ayuda mucho con las noches",
        "Mi marido nunca me ha pegado, pero discutimos mucho por el dinero",
        "Me duelen los pezones, me lastima cuando se prende",
        "Me quema el pecho al dar de mamar",
        "¿Cuándo dejo de despertarlo para comer?",
        "No quiero vivir con mis suegros después del parto",
        "Quiero desaparecer un fin de semana para dormir",
        "Me corté el dedo cocinando con el bebé en brazos",
        "Quiero cortarme el pelo pero no tengo tiempo",
        "Me tiré a la cama y me dormí con el bebé",
        "el bebé me pega en la cara cuando está cansado",
        "Mi hijo me muerde al mamar",
        "Me muero de risa con sus caras",
        "Estoy muerta de cansancio",
        "No aguanto el dolor de espalda",
        "Me voy a matar trabajando para pagar la guardería",
        "Mi suegra me vuelve loca con sus consejos",
        "Este sueño me está matando",
        "Me da miedo bañarlo porque es muy chiquito",
        "Tengo miedo de que el bebé se caiga de la cama",
        "¿Es normal que llore todo el día?",
        "¿Qué hacen para matar el tiempo en las tomas nocturnas?",
        "Escucho al bebé llorar aunque esté dormido",
        "Se me pegó el sueño en el sillón",
        "¿Cómo destetar sin que sufra?",
        "Mi esposo me empuja a ser mejor mamá cada día",
        "Mi esposo jamás me ha golpeado, es un amor con el bebé",
        "Me pegó un susto cuando se atragantó",
        "Le tengo miedo al parto",
        "Me muero de amor por mi bebé",
        "La lactancia me tiene agotada pero feliz",
        "me siento perdida con tantos consejos",
        "mi hija no me deja dormir, ya no se que hacer con el sueño",
        "mi esposo me va a matar cuando vea la cuenta",
        "Me da miedo que el bebé se ahogue con la leche",
    })
    void doesNotFlagEverydayExhaustionIdiomsInSpanish(String question) {
        assertThat(SIGNS.in(question)).isEmpty();
    }

    @Test
    void readsCaseAccentsCurlyApostrophesAndSpacingAlike() {
        assertThat(CrisisSigns.normalise("¡No   QUIERO vivir…\n ya!  I’m DON´T"))
                .isEqualTo("no quiero vivir ya im dont");
        assertThat(SIGNS.in("NO QUIERO VIVIR")).containsExactly(CrisisKind.SUICIDE_OR_SELF_HARM);
        assertThat(SIGNS.in("hacerle dano al bebe")).containsExactly(CrisisKind.HARMING_THE_BABY);
    }

    @Test
    void anEmptyQuestionShowsNoSigns() {
        assertThat(SIGNS.in("")).isEmpty();
        assertThat(SIGNS.in(null)).isEmpty();
    }
}
