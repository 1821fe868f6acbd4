package dearly.search;

import dearly.language.Language;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generated letters for {@link SearchBench}: headlines, standfirsts and bodies put together at random
 * from a parent's everyday words in English and Spanish, so that the letters to be found stand among
 * many that share their vocabulary (sleep, crying, feeding, partner, night...).
 */
final class Filler {
    private static final String[] EN_CHILD = {"baby", "son", "daughter", "toddler", "newborn", "twins", "little one"};
    private static final String[] EN_WORRY = {"sleep at night", "eat vegetables", "stop crying", "nap longer", "share toys",
            "drink from a cup", "sit still", "settle at bedtime", "stop biting", "play alone", "wear a hat", "take a bottle",
            "go to the doctor", "brush his teeth", "walk yet", "talk much", "like the bath", "sleep in the pram"};
    private static final String[] EN_SENTENCES = {"Every family finds its own rhythm in the first year.",
            "Sleep comes and goes in waves, and regressions pass.", "Ask your health visitor at the next check.",
            "Crying is how babies talk before they have words.", "Feeding on demand is normal in the early weeks.",
            "Your partner can take the first shift tonight.", "Write down what happens for a week and look for a pattern.",
            "Grandparents mean well, even when they are wrong.", "A warm bath and a dark room help many children.",
            "Trust yourself: you know your child better than any book.", "It is fine to ask for help from friends.",
            "Milk remains the main food until the first birthday.", "Daycare colds are common in the first winter.",
            "Teeth arrive at very different ages.", "Short walks outside help both of you.",
            "Keep the evening calm and the lights low.", "Most toddlers go through a phase of saying no to everything."};
    private static final String[] ES_CHILD = {"bebé", "hijo", "hija", "niño", "recién nacido", "mellizos"};
    private static final String[] ES_WORRY = {"dormir de noche", "comer verduras", "dejar de llorar", "dormir más la siesta",
            "compartir juguetes", "beber del vaso", "dormirse solo", "dejar de morder", "jugar solo", "tomar el biberón",
            "lavarse los dientes", "caminar", "hablar", "bañarse tranquilo"};
    private static final String[] ES_SENTENCES = {"Cada familia encuentra su ritmo en el primer año.",
            "El sueño va y viene por etapas, y las regresiones pasan.", "Pregunta a tu pediatra en la próxima revisión.",
            "El llanto es la forma de hablar de los bebés.", "Dar de comer a demanda es normal las primeras semanas.",
            "Tu pareja puede encargarse del primer turno esta noche.", "Apunta lo que pasa durante una semana.",
            "Los abuelos quieren ayudar, aunque a veces se equivoquen.", "Un baño tibio y una habitación oscura ayudan.",
            "Confía en ti: conoces a tu hijo mejor que cualquier libro.", "Está bien pedir ayuda a las amigas.",
            "La leche sigue siendo el alimento principal hasta el año.", "Los resfriados de la guardería son comunes.",
            "Los dientes salen a edades muy distintas.", "Los paseos cortos os vienen bien a los dos."};

    private Filler() {}

    static List<SearchBench.Target> letters(int count, Random random) {
        List<SearchBench.Target> letters = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            boolean spanish = random.nextInt(10) < 3;
            String headline = spanish
                    ? "¿Cómo consigo que mi " + pick(ES_CHILD, random) + " quiera " + pick(ES_WORRY, random) + "?"
                    : "How do I get my " + pick(EN_CHILD, random) + " to " + pick(EN_WORRY, random) + "?";
            String standfirst = spanish ? "Una familia pregunta por su " + pick(ES_CHILD, random) + "."
                    : "A parent asks about a " + pick(EN_CHILD, random) + ".";
            StringBuilder body = new StringBuilder();
            int sentences = 5 + random.nextInt(5);
            for (int s = 0; s < sentences; s++) body.append(pick(spanish ? ES_SENTENCES : EN_SENTENCES, random)).append(' ');
            letters.add(new SearchBench.Target("gen-" + i, spanish ? Language.ES : Language.EN, headline, standfirst,
                    body.toString().strip()));
        }
        return letters;
    }

    /** A search as a reader might type it over the generated letters. */
    static String query(Random random) {
        return random.nextBoolean()
                ? pick(EN_CHILD, random) + " " + pick(EN_WORRY, random)
                : pick(ES_CHILD, random) + " " + pick(ES_WORRY, random);
    }

    private static String pick(String[] words, Random random) {
        return words[random.nextInt(words.length)];
    }
}
