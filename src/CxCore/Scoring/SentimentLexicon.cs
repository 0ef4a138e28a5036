using System.Collections.Frozen;
using System.Globalization;

namespace CxCore.Scoring;

/// <summary>
/// The embedded English and Portuguese lexicon of the sentiment scorer: word valences (−3 … +3, with an optional
/// valence when negated), negators, intensifiers and contrast words. Keys are lower case without diacritics, the form
/// <see cref="SentimentAnalyzer"/> folds every token to, so "Ótimo", "otimo" and "ÓTIMO" are one word.
/// </summary>
/// <remarks>
/// Entries are <c>word:valence</c> or <c>word:valence/negated</c>. Without an explicit negated valence a negated word
/// counts −0.75 × its valence. Explicit ones encode e-commerce meaning: "recebi" (received) is mildly positive, but
/// "não recebi" is one of the strongest complaints there is.
/// </remarks>
internal static class SentimentLexicon
{
    public const float DefaultNegation = -0.75f;

    private const string PortugueseWords = """
        otimo:3 excelente:3 perfeito:3 maravilhoso:3 maravilha:3 adorei:3 amei:3 adorou:3 amou:3 fantastico:3 incrivel:3
        sensacional:3 espetacular:3 parabens:3 encantado:3 encantada:3 impecavel:3 maravilhosa:3
        gostei:2/-2.5 gostou:2/-2 gosto:1.5 bom:2/-1.5 boa:2/-1.5 legal:2 lindo:2.5 bonito:2 bacana:2 show:2 top:2.5 massa:1.5
        recomendo:2.5/-2.8 recomendado:2.5/-2 recomenda:2/-2 indico:2.5/-2.5 indicaria:2/-2 recomendaria:2/-2.5 recomento:2.5/-2.8
        satisfeito:2/-2.5 satisfacao:2/-2 feliz:2.5/-2 contente:2 alegre:2 agradavel:2
        rapido:2/-1.5 rapidez:2 rapidamente:2 agil:2 agilidade:2 eficiente:2 eficiencia:2 pontual:2 pontualidade:2 adiantado:2
        antes:1.2 correto:1.5/-2 corretamente:1.5/-2 certinho:2 certo:1.2/-1.5 conforme:1.5/-2 exatamente:1 exato:1
        qualidade:1/-2 confiavel:2/-2 confianca:1.5/-2 seguro:1 segura:1 tranquilo:1.5 tranquila:1.5 tranquilidade:1.5
        obrigado:1.5 obrigada:1.5 agradeco:2 grato:2 grata:2 aprovado:2 aprovo:2 aprovadissimo:3
        atendeu:1.5/-2.5 atende:1.2/-2 atendido:1/-1.5 cumpriu:1.5/-2.5 cumpre:1.2/-2 cumprido:1/-2
        superou:2.5 supera:2 esperado:0.5/-1.5 expectativa:0.5/-1.5
        recebi@:0.3/-2.8 recebido@:0.3/-2.5 recebemos@:0.3/-2.5 receber@:0.3/-2.5 chegou@:0.3/-2.8 chegaram@:0.3/-2.5 chegar@:0/-2
        entregue@:0.3/-2.5 entregou@:0.3/-2.5 entregaram@:0.3/-2.5 veio@:0.3/-2 vieram@:0.3/-2
        funciona:1/-2.8 funcionando:1/-2.8 funcionou:1/-2.8 funcionar:0.5/-2.5 serve:0.5/-2 serviu:0.5/-2
        bem:1.5/-1.5 embalado:1 embalada:1 ideal:2 facil:1.5/-1.5 pratico:1.5 confortavel:2 macio:1 resistente:1.5
        original:1.5/-2.5 novo:0.5/-1 nova:0.5/-1 vale:1/-2 valeu:1.5 beneficio:1.5 justo:1.5/-1.5 barato:1 acessivel:1.5
        resolvido:1/-2.5 resolveu:1/-2.5 resolveram:1/-2.5 resolver:0.5/-2 solucao:0.5/-2 solucionado:1/-2.5
        resposta:0.3/-2 respondeu:0.5/-2 responderam:0.5/-2 responde:0.5/-2 retorno:0.3/-2 contato:0/-1.5 satisfacoes:0/-2
        informacao:0.2/-1.5 informacoes:0.2/-1.5 atencioso:2 atenciosa:2 educado:2/-2 educada:2/-2
        prestativo:2 prestativa:2 gentil:2 simpatico:2 cordial:2 profissional:1.5 competente:2/-2 sucesso:2 melhor:2/-1.5
        perfeitamente:3 otimamente:3 excelencia:3 lindissimo:3 maravilhosamente:3 elogiar:2 elogio:2
        comprarei:1.5/-2.5 compraria:1.5/-2.5 voltarei:1.5/-2.5 volto:1/-2 compro:0.5/-2.5 comprar:0.2/-1.5 comprem:0.5/-2.8
        pessimo:-3 pessima:-3 pessimamente:-3 ruim:-2.5/1 horrivel:-3 horroroso:-3 terrivel:-3 lamentavel:-2.5 deploravel:-3
        decepcao:-2.5 decepcionado:-2.5 decepcionante:-2.5 decepcionou:-2.5 frustrado:-2.5 frustrante:-2.5 frustracao:-2.5
        lixo:-3 porcaria:-3 droga:-2 golpe:-3 golpista:-3 fraude:-3 enganado:-2.5 enganosa:-2.5 enganoso:-2.5 enganacao:-3
        mentira:-2.5 mentiroso:-2.5 absurdo:-2.5 absurda:-2.5 vergonha:-2.5 vergonhoso:-2.5 ridiculo:-2.5 descaso:-2.5
        desrespeito:-2.5 irresponsavel:-2.5 irresponsabilidade:-2.5 inaceitavel:-3 insatisfeito:-2.5 insatisfacao:-2.5
        problema:-1.5/1 defeito:-2.5/1 defeituoso:-2.5 quebrado:-2.5/1 quebrou:-2.5/1 quebrada:-2.5/1 rasgado:-2 rasgada:-2
        amassado:-2 amassada:-2 danificado:-2.5 danificada:-2.5 arranhado:-2 arranhao:-2 riscado:-2 sujo:-2 manchado:-2
        errado:-2/1 errada:-2/1 erro:-2/1 equivocado:-2 trocado:-1.5 faltando:-2.5 faltou:-2 falta:-1.5 faltam:-2 incompleto:-2
        atraso:-2/1 atrasado:-2/1.5 atrasou:-2/1.5 atrasada:-2/1.5 demora:-1.5/1 demorou:-1.5/1 demorado:-1.5/1 demorada:-1.5/1
        demorando:-2 lento:-1.5 lenta:-1.5 aguardando:-2 esperando:-1.8 aguardo:-1.5/-1.5 ainda:-0.5 ate:-0.3 hoje:-0.2
        cancelar:-1.5 cancelado:-1.5 cancelada:-1.5 cancelamento:-1.5 cancelei:-1.5 cancelaram:-2
        devolver:-1.5 devolucao:-1.5 devolvi:-1.5 devolvido:-1 reembolso:-1.5 estorno:-2 ressarcimento:-2 prejuizo:-2.5
        reclamacao:-1.5 reclamar:-1.5/1.8 reclamei:-2 reclamo:-1.5 queixa:-1.5 pior:-2.5 piorou:-2.5 fraco:-1.5 fraca:-1.5
        fragil:-1.5 frageis:-1.5 diferente:-1.5/1 inferior:-2 falso:-2.5 falsificado:-3 falsificada:-3 replica:-2.5 copia:-2
        paraguai:-2 usado:-1.5 usada:-1.5 mal:-2/1 infelizmente:-1.5 triste:-2 chateado:-2 chateada:-2 raiva:-2.5
        indignado:-2.5 indignada:-2.5 revoltado:-2.5 arrependi:-2.5 arrependido:-2.5 arrependimento:-2.5 cuidado:-1
        pessimos:-3 abandonado:-2 ninguem:-1.5 jamais:-1 grosso:-1 grosseiro:-2.5 grossa:-1 desmontou:-2 descascou:-2
        soltou:-1.5 vazando:-2 vazou:-2 mofado:-2.5 vencido:-2 estragado:-2.5 estragou:-2.5 extraviado:-2.5 extraviou:-2.5
        sumiu:-2 perdido:-2 perderam:-2.5 cobraram:-1.5 cobrado:-1 cobranca:-1.5 caro:-1/1 carissimo:-2 pequeno:-0.7
        fracasso:-2.5 fracassou:-2.5 dinheiro:-1 depois:-1 fora:-1 passou:-1 dentro:1 consegui:0.5/-2 conseguir:0.3/-2
        consigo:0.5/-2 conseguimos:0.5/-2 liga:0.3/-2.5 gostaria:-0.5 estoque:0.3/-2 clareza:1/-2 reciclado:-1 menor:-1
        acordo:1/-2 entregam@:0.3/-2.5 mandaram@:0.3/-2 enviaram@:0.3/-2 enviado@:0.3/-2 respeito:1/-2.5 originais:1.5/-2.5
        satisfatorio:2/-2 exito:2 molhado:-2 cheiro:-1 saber:-0.8 urgente:-1 volta:-0.5 confere:1/-2 conferem:1/-2 conferiu:1/-2
        duvidosa:-1.5 duvidoso:-1.5 complicado:-1.5 dificil:-1.5/1 impossivel:-2 incompetente:-3 incompetencia:-3
        desorganizado:-2 desorganizacao:-2 confuso:-1.5 ludibriado:-2.5 roubado:-3 roubo:-3 pirata:-2.5 imitacao:-2
        """;

    private const string EnglishWords = """
        great:3/-2 excellent:3 perfect:3 amazing:3 awesome:3 fantastic:3 wonderful:3 brilliant:3 outstanding:3 superb:3
        love:3/-2 loved:3/-2 loves:3 best:3 delighted:3 thrilled:3 kudos:3 flawless:3 impressive:2.5 impressed:2.5 lovely:2.5
        good:2/-1.5 nice:2/-1.5 happy:2.5/-2 happier:2.5 glad:2 pleased:2.5 satisfied:2/-2.5 enjoy:2 enjoyed:2 beautiful:2.5
        recommend:2.5/-2.8 recommended:2.5/-2 fast:2/-1.5 quick:2/-1.5 quickly:2 prompt:2 promptly:2 early:1.5 efficient:2
        helpful:2.5/-2.5 friendly:2/-2 polite:1.5/-2 kind:1.5 patient:1.5 courteous:2 professional:1.5/-2 useful:2/-2
        easy:1.5/-1.5 simple:1.5 smooth:1.5 painless:2 seamless:2 effortless:2 clear:1.5/-1.5 reliable:2/-2.5 clean:1.5/-1.5
        fine:1/-1 ok:1 okay:1 well:1.5/-1 works:1/-2.8 worked:1/-2.8 working:1/-2.8 work:0.3/-2.5 solved:1.5/-2.5
        resolved:1.5/-2.5 fixed:1.2/-2 sorted:1.5/-2 received@:0.5/-2.8 receive@:0.3/-2.5 arrived@:0.5/-2.8 arrive@:0.3/-2.5
        delivered@:0.5/-2 came@:0.3/-2 thanks:1.5 thank:1.5 grateful:2 appreciated:2 appreciate:2 quality:1/-2 intact:1.5
        worth:1.5/-2 value:0.5/-1 affordable:1.5 cheap:0.5/1 described:1/-2 expected:0.5/-1.5 exactly:1 matches:1/-2
        informed:1/-1.5 answered:0.5/-2.5 answer:0.3/-2 reply:0.3/-2 response:0.3/-2 help:0.5/-2 helped:1.5/-2
        understood:1/-1.5 informative:1.5 better:1.5/-1.5 top:1.5 care:0.5/-1.5 cared:1/-2 correct:1/-2 accurate:1.5
        terrible:-3 awful:-3 horrible:-3 worst:-3 horrendous:-3 pathetic:-3 disgusting:-3 nightmare:-3 unacceptable:-3
        bad:-2.5/1.5 poor:-2.5 poorly:-2 disappointed:-2.5 disappointing:-2.5 disappointment:-2.5 useless:-2.5 unhelpful:-2.5
        broken:-2.5/1 broke:-2.5/1 damaged:-2.5 defective:-2.5 faulty:-2.5 cracked:-2.5 scratched:-2 dirty:-2 leaking:-2
        wrong:-2/1 missing:-2.5 incomplete:-2 late:-2/1 delay:-2/1 delayed:-2/1 slow:-1.5/1 waiting:-1.8 waited:-1.5 wait:-0.8
        still:-0.5 cancel:-1.5 cancelled:-1.5 canceled:-1.5 refund:-1.5 return:-0.5 returned:-1 complaint:-1.5/1 complain:-1.5/1.5
        complaints:-1.5/1.5 problem:-1.5/1 problems:-1.5/1 issue:-1/1 issues:-1/1 error:-2 fail:-2.5 failed:-2.5 failure:-2.5
        rude:-3 frustrating:-2.5 frustrated:-2.5 annoying:-2 annoyed:-2 angry:-2.5 upset:-2 hate:-3 hated:-3 scam:-3 fraud:-3
        fake:-2.5 cheated:-2.5 lied:-2.5 lie:-2 lies:-2 mess:-2 ridiculous:-2.5 lost:-2 confusing:-2 confused:-1.5 hard:-1
        difficult:-1.5/1 impossible:-2 stuck:-2 ignored:-2.5 unresolved:-2.5 garbage:-3 trash:-3 junk:-3 sucks:-3 crap:-3 sent@:0.3/-2
        worse:-2.5 unreliable:-2.5 overpriced:-2 expensive:-1/1 cold:-1 shame:-2 sadly:-1.5 unfortunately:-1.5 regret:-2.5
        avoid:-2.5 beware:-2.5 incompetent:-3 misleading:-2.5 unprofessional:-2.5 waste:-2.5 wasted:-2.5 hassle:-2/1.5
        joke:-2 crashing:-2.5 crashes:-2.5 crashed:-2.5 charged:-1 twice:-0.5 chase:-1.5 chasing:-1.5 hung:-1.5 cut:-1
        stopped:-2 painful:-2 forever:-1 nobody:-1.5 disaster:-3 mistake:-2 careless:-2.5 plastic:-0.5 like:1/-2 liked:2/-2
        """;

    // Negators, with their scope in tokens when not 3: "no" is also Portuguese ("no prazo": on time), so it only
    // negates the very next token ("no reply", "no help").
    private const string Negators = """
        nao n nunca nem sem nada nenhum nenhuma jamais tampouco menos
        not no:1 never nothing none neither nor without cannot cant dont doesnt didnt isnt wasnt arent werent wont wouldnt
        couldnt shouldnt hasnt havent hadnt aint lack lacks lacking barely hardly
        """;

    private const string Intensifiers = """
        muito:1.5 muita:1.5 muitos:1.4 muitas:1.4 super:1.5 extremamente:1.8 totalmente:1.5 completamente:1.5 tao:1.3
        bastante:1.3 mega:1.5 muitissimo:1.8 realmente:1.3 demasiado:1.4 absolutamente:1.6 bem:1.3 pouco:0.5 meio:0.6 levemente:0.5 ligeiramente:0.5
        very:1.5 really:1.4 extremely:1.8 totally:1.5 absolutely:1.6 incredibly:1.7 truly:1.3 highly:1.5
        completely:1.5 quite:1.2 too:1.3 super:1.5 most:1.3 slightly:0.5 somewhat:0.6 bit:0.6 little:0.6 kinda:0.7 fairly:0.8
        """;

    private const string ContrastWords = "mas porem entretanto entanto contudo todavia but however";

    private const string ConcessionWords = "apesar embora although though despite";

    // "Só chegou um", "recebi apenas metade": the partial delivery, Olist's most common complaint.
    private const string RestrictorWords = "so apenas somente only";

    private const string GreetingTails = "dia tarde noite morning afternoon evening";

    public static FrozenDictionary<string, LexiconEntry> Entries { get; } = Load();

    private static FrozenDictionary<string, LexiconEntry> Load()
    {
        var entries = new Dictionary<string, LexiconEntry>(StringComparer.Ordinal);
        foreach (var item in Split(PortugueseWords + "\n" + EnglishWords))
        {
            var colon = item.IndexOf(':', StringComparison.Ordinal);
            var values = item[(colon + 1)..];
            var slash = values.IndexOf('/', StringComparison.Ordinal);
            var valence = float.Parse(slash < 0 ? values : values[..slash], CultureInfo.InvariantCulture);
            var negated = slash < 0 ? DefaultNegation * valence : float.Parse(values[(slash + 1)..], CultureInfo.InvariantCulture);
            var word = item[..colon];
            var delivery = word.EndsWith('@');
            entries[delivery ? word[..^1] : word] = new LexiconEntry(delivery ? LexiconKind.Delivery : LexiconKind.Word, valence, negated);
        }

        foreach (var item in Split(Intensifiers))
        {
            var colon = item.IndexOf(':', StringComparison.Ordinal);
            var word = item[..colon];

            // A word that is also a sentiment word ("bem": well) keeps that meaning; "muito bem" is intensified by "muito".
            entries.TryAdd(word, new LexiconEntry(LexiconKind.Intensifier, float.Parse(item[(colon + 1)..], CultureInfo.InvariantCulture), 0));
        }

        foreach (var item in Split(Negators))
        {
            var colon = item.IndexOf(':', StringComparison.Ordinal);
            var scope = colon < 0 ? 3 : float.Parse(item[(colon + 1)..], CultureInfo.InvariantCulture);
            entries[colon < 0 ? item : item[..colon]] = new LexiconEntry(LexiconKind.Negator, scope, 0);
        }

        Add(ContrastWords, LexiconKind.Contrast);
        Add(ConcessionWords, LexiconKind.Concession);
        Add(RestrictorWords, LexiconKind.Restrictor);
        Add(GreetingTails, LexiconKind.GreetingTail);

        return entries.ToFrozenDictionary(StringComparer.Ordinal);

        void Add(string words, LexiconKind kind)
        {
            foreach (var word in Split(words))
            {
                entries[word] = new LexiconEntry(kind, 0, 0);
            }
        }
    }

    private static string[] Split(string text) => text.Split([' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
