package org.oligotrial.design;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Group-sequential boundaries and characteristics against rpact, to 1e-6 relative (values below 1e-3 in magnitude
 * to 1e-9 absolute). Expected values: R 4.2.2 Patched (2022-11-10 r83330), rpact 3.3.4, each case's R call written
 * beside its values; {@code d <- <call>; ch <- getDesignCharacteristics(d)} gives, in order, {@code
 * d$criticalValues}, {@code d$alphaSpent}, {@code d$stageLevels}, {@code d$futilityBounds}, {@code ch$power},
 * {@code ch$futilityProbabilities}, {@code ch$inflationFactor}, {@code ch$averageSampleNumber1}, {@code
 * ch$averageSampleNumber0}. The script that printed them is {@code src/test/resources/design/rpact-group-sequential.R}.
 * rpact reports the alpha spent at the last look as {@code alpha - 1e-8} (its root finder's tolerance); ours is
 * alpha.
 */
class GroupSequentialAgreesWithRpactTest {

  static final double REL = 1e-6;
  static final double ABS_FLOOR = 1e-9;

  record DesignCase(String call, GroupSequentialSpec spec, double[] critical, double[] alphaSpent,
      double[] stageLevels, double[] futility, double[] power, double[] futilityProbabilities, double inflation,
      double asn1, double asn0) {}

  static List<Double> eq(int k) {
    return GroupSequentialSpec.equallySpaced(k);
  }

  static List<Double> rates(double... t) {
    return Arrays.stream(t).boxed().toList();
  }

  static GroupSequentialSpec spec(List<Double> rates, double alpha, int sides, double power, String efficacy,
      String futility, boolean binding) {
    return new GroupSequentialSpec(rates, alpha, sides, power, EfficacyBoundary.parse(efficacy),
        FutilityRule.parse(futility), binding);
  }

  // R version 4.2.2 Patched (2022-11-10 r83330), rpact 3.3.4
  static final List<DesignCase> CASES = List.of(
      new DesignCase("getDesignGroupSequential(kMax = 2, alpha = 0.025, beta = 0.2, sided = 1, typeOfDesign = \"asOF\")",
          spec(eq(2), 0.025, 1, 0.8, "of", "none", false),
          new double[] {2.9625880427275479, 1.9685956463217735},
          new double[] {0.0015253227579890005, 0.02499999},
          new double[] {0.0015253227579890005, 0.024499771463026399},
          new double[0],
          new double[] {0.16406637219243614, 0.79999999999999993},
          new double[] {0},
          1.0037250299694152, 0.92138626730137074, 1.0029595271587961),
      new DesignCase("getDesignGroupSequential(informationRates = c(0.3, 0.7, 1), alpha = 0.025, beta = 0.1, sided = 1, typeOfDesign = \"asP\")",
          spec(rates(0.3, 0.7, 1), 0.025, 1, 0.9, "pocock", "none", false),
          new double[] {2.3118353038057839, 2.2583463564515114, 2.3061828836798668},
          new double[] {0.010393380546090736, 0.019743200924402293, 0.02499999},
          new double[] {0.010393380546090736, 0.01196203715866595, 0.010550207784770227},
          new double[0],
          new double[] {0.3433407830506171, 0.76115719763655743, 0.90000000000329217},
          new double[] {0, 0},
          1.1554588293739483, 0.73292663116648826, 1.143811442159625),
      new DesignCase("getDesignGroupSequential(kMax = 4, alpha = 0.025, beta = 0.2, sided = 1, typeOfDesign = \"asHSD\", gammaA = -4)",
          spec(eq(4), 0.025, 1, 0.8, "hsd:-4", "none", false),
          new double[] {3.1553730326596163, 2.8183471485972404, 2.4391318038105965, 2.0136473253369331},
          new double[] {0.000801465082002073, 0.0029800730729399039, 0.0089021434051556048, 0.025000000000000001},
          new double[] {0.000801465082002073, 0.0024135794137798428, 0.007361298661134108, 0.022023286992645774},
          new double[0],
          new double[] {0.040970841400644109, 0.21442860426230181, 0.51629982156896836, 0.79999999999999993},
          new double[] {0, 0, 0},
          1.0216047217896214, 0.82451181649475103, 1.0183652930533118),
      new DesignCase("getDesignGroupSequential(informationRates = c(0.2, 0.35, 0.6, 0.8, 1), alpha = 0.025, beta = 0.2, sided = 1, typeOfDesign = \"asKD\", gammaA = 3)",
          spec(rates(0.2, 0.35, 0.6, 0.8, 1), 0.025, 1, 0.8, "kd:3", "none", false),
          new double[] {3.540083799206144, 3.1074598357081413, 2.5887494310736656, 2.3048126623034477, 2.0450339987874031},
          new double[] {0.00019999999999997797, 0.0010718750120046749, 0.0053999999378548935, 0.01279999999657333, 0.02499999},
          new double[] {0.00019999999999997797, 0.00094351312562113154, 0.0048162578621004926, 0.01058853381892233, 0.020425753171436023},
          new double[0],
          new double[] {0.01168123118979314, 0.079744845035713885, 0.35622543836455067, 0.60835829539927277, 0.80000000000000004},
          new double[] {0, 0, 0, 0},
          1.0317299057197249, 0.81031536004374516, 1.0276669835617036),
      new DesignCase("getDesignGroupSequential(kMax = 3, alpha = 0.025, beta = 0.2, sided = 1, typeOfDesign = \"OF\")",
          spec(eq(3), 0.025, 1, 0.8, "classical-of", "none", false),
          new double[] {3.4710914446540899, 2.4544322986335168, 2.0040355799528458},
          new double[] {0.00025917372349648637, 0.0071600594014826768, 0.02499999},
          new double[] {0.00025917372349648637, 0.0070553616137103425, 0.02253312460483492},
          new double[0],
          new double[] {0.032915038841428323, 0.4423958020497778, 0.80000000000000004},
          new double[] {0, 0},
          1.0174062244233171, 0.85621148740367004, 1.0148900987692675),
      new DesignCase("getDesignGroupSequential(informationRates = c(0.25, 0.5, 0.8, 1), alpha = 0.05, beta = 0.2, sided = 1, typeOfDesign = \"P\")",
          spec(rates(0.25, 0.5, 0.8, 1), 0.05, 1, 0.8, "classical-pocock", "none", false),
          new double[] {2.065403086068287, 2.065403086068287, 2.065403086068287, 2.065403086068287},
          new double[] {0.019442438412769714, 0.032694228355255039, 0.043140401529534911, 0.049999990000000001},
          new double[] {0.019442438412769714, 0.019442438412769714, 0.019442438412769714, 0.019442438412769714},
          new double[0],
          new double[] {0.24421086122443825, 0.48924496705383136, 0.6989034145514651, 0.79999999999593974},
          new double[] {0, 0, 0},
          1.2189007052557308, 0.7952024221869376, 1.1905040244840543),
      new DesignCase("getDesignGroupSequential(kMax = 3, alpha = 0.05, beta = 0.2, sided = 2, typeOfDesign = \"asOF\")",
          spec(eq(3), 0.05, 2, 0.8, "of", "none", false),
          new double[] {3.7103028732625001, 2.5114274844527245, 1.9930474832653999},
          new double[] {0.00020701143629420221, 0.012096778151789965, 0.049999990000000001},
          new double[] {0.00010350571814710108, 0.0060121993768961213, 0.023128123916898669},
          new double[0],
          new double[] {0.018648776269600709, 0.41744894459279425, 0.80000000000000016},
          new double[] {0, 0},
          1.0127948129740079, 0.86556869598147257, 1.0086410748824295),
      new DesignCase("getDesignGroupSequential(informationRates = c(0.4, 0.6, 0.9, 1), alpha = 0.05, beta = 0.1, sided = 2, typeOfDesign = \"asHSD\", gammaA = 1)",
          spec(rates(0.4, 0.6, 0.9, 1), 0.05, 2, 0.9, "hsd:1", "none", false),
          new double[] {2.2250586612410248, 2.3577334061264992, 2.3163241818547249, 2.4200176075100899},
          new double[] {0.026077300394668428, 0.035688473931360994, 0.046939648543462935, 0.050000000000000003},
          new double[] {0.01303865019733419, 0.0091934461526794742, 0.010270287484594021, 0.007759877801706172},
          new double[0],
          new double[] {0.50113154541572136, 0.68519722948290007, 0.86991446377242443, 0.90000000002830238},
          new double[] {0, 0, 0},
          1.1809546998885097, 0.71709989202230928, 1.1566081766340335),
      new DesignCase("getDesignGroupSequential(kMax = 5, alpha = 0.05, beta = 0.2, sided = 2, typeOfDesign = \"OF\")",
          spec(eq(5), 0.05, 2, 0.8, "classical-of", "none", false),
          new double[] {4.5617422988814011, 3.2256389135645489, 2.6337231442328792, 2.2808711494407006, 2.0400731752269952},
          new double[] {5.0730888361483988e-06, 0.0012590598176218529, 0.0089036124589781922, 0.025584598647304072, 0.049999990000000001},
          new double[] {2.5365444180636132e-06, 0.00062845911554776368, 0.0042227160253598406, 0.01127803630542501, 0.02067151900532882},
          new double[0],
          new double[] {0.0004988725403005656, 0.07656935463409742, 0.33580492205137191, 0.61220773305885934, 0.80000000000000004},
          new double[] {0, 0, 0, 0},
          1.0284109694156436, 0.81756954786169089, 1.0210573488626389),
      new DesignCase("getDesignGroupSequential(informationRates = c(0.6, 1), alpha = 0.05, beta = 0.2, sided = 2, typeOfDesign = \"P\")",
          spec(rates(0.6, 1), 0.05, 2, 0.8, "classical-pocock", "none", false),
          new double[] {2.1605192439700893, 2.1605192439700893},
          new double[] {0.030732495499510744, 0.049999990000000001},
          new double[] {0.015366247749755368, 0.015366247749755368},
          new double[0],
          new double[] {0.54260112091942947, 0.8000000000000077},
          new double[] {0},
          1.0917892137816396, 0.85482471674220939, 1.0783678509420562),
      new DesignCase("getDesignGroupSequential(kMax = 5, alpha = 0.05, beta = 0.2, sided = 2, typeOfDesign = \"asP\")",
          spec(eq(5), 0.05, 2, 0.8, "pocock", "none", false),
          new double[] {2.437976688050012, 2.4268138632178307, 2.4101938381791115, 2.3966454043984413, 2.3859845623373985},
          new double[] {0.014769726456017368, 0.026156858000576939, 0.035425653273247135, 0.043241986072572972, 0.050000000000000003},
          new double[] {0.0073848632280086868, 0.0076160342819955318, 0.0079720234890778841, 0.008272963604043837, 0.0085167330349251724},
          new double[0],
          new double[] {0.14496291993233412, 0.34693797937739912, 0.53751159197785303, 0.68962657476280498, 0.79999999995884985},
          new double[] {0, 0, 0, 0},
          1.2126259403875532, 0.79564662473037906, 1.1836213287668889),
      new DesignCase("getDesignGroupSequential(informationRates = c(0.5, 0.75, 1), alpha = 0.01, beta = 0.2, sided = 2, typeOfDesign = \"asKD\", gammaA = 2)",
          spec(rates(0.5, 0.75, 1), 0.01, 2, 0.8, "kd:2", "none", false),
          new double[] {3.0233414397391472, 2.8713362738490105, 2.7141189947724342},
          new double[] {0.0024999999999999745, 0.0056250000263100442, 0.0099999900000000003},
          new double[] {0.0012499999999999734, 0.0020437022867016985, 0.0033226145820357544},
          new double[0],
          new double[] {0.29384413006794041, 0.58105307316192212, 0.79999999999999782},
          new double[] {0, 0},
          1.0542227638396817, 0.82363861679505634, 1.0520813738436983),
      new DesignCase("getDesignGroupSequential(kMax = 3, alpha = 0.025, beta = 0.2, sided = 1, typeOfDesign = \"asOF\", typeBetaSpending = \"bsOF\")",
          spec(eq(3), 0.025, 1, 0.8, "of", "beta-of", false),
          new double[] {3.7103028732625001, 2.5114274844527245, 1.9930474832653999},
          new double[] {0.00010350571814710108, 0.0060483890772754512, 0.02499999},
          new double[] {0.00010350571814710108, 0.0060121993768961213, 0.023128123916898669},
          new double[] {-0.23614460988009056, 1.1703720311634243},
          new double[] {0.022188088130307926, 0.45729074960933191, 0.80000000000000637},
          new double[] {0.026438294689141377, 0.090076023930045282},
          1.1043340228742788, 0.8752099467745198, 0.62740951507670484),
      new DesignCase("getDesignGroupSequential(kMax = 4, alpha = 0.025, beta = 0.2, sided = 1, typeOfDesign = \"asKD\", gammaA = 2, typeBetaSpending = \"bsP\", bindingFutility = TRUE)",
          spec(eq(4), 0.025, 1, 0.8, "kd:2", "beta-pocock", true),
          new double[] {2.9551668474978379, 2.5580250099301338, 2.2768546864390373, 1.9322701916098595},
          new double[] {0.0015625000000000222, 0.0062499999880759605, 0.014062499917344318, 0.025000000000000001},
          new double[] {0.0015625000000000222, 0.0052634260526236432, 0.011397452297615351, 0.026663082786806069},
          new double[] {0.074610740953543697, 0.82283018575981259, 1.3990548136644065},
          new double[] {0.078437353884784011, 0.35930859270712889, 0.64869576380628335, 0.79999999996517046},
          new double[] {0.071474803693831815, 0.052548096965669533, 0.041574886873797588},
          1.207855160461168, 0.7707513405263553, 0.51123867160948433),
      new DesignCase("getDesignGroupSequential(kMax = 5, alpha = 0.025, beta = 0.2, sided = 1, typeOfDesign = \"asHSD\", gammaA = -4, typeBetaSpending = \"bsHSD\", gammaB = -2)",
          spec(eq(5), 0.025, 1, 0.8, "hsd:-4", "beta-hsd:-2", false),
          new double[] {3.2526684884406816, 2.9860459491610527, 2.6916574463248253, 2.3736669942736626, 2.0253214165568352},
          new double[] {0.0005716339685859495, 0.0018438287322171121, 0.0046751503203016354, 0.010976372329567718, 0.025000000000000001},
          new double[] {0.0005716339685859495, 0.0014130508764166327, 0.0035548965043414871, 0.0088062133797053299, 0.021417185395366967},
          new double[] {-0.84538572735121109, -0.02570464788004756, 0.68232869496569037, 1.3426246861927211},
          new double[] {0.026293319948596627, 0.13632303488134601, 0.35216739482999027, 0.61096182413982281, 0.80000000000000715},
          new double[] {0.01539584846759162, 0.022967907244588109, 0.034264090934171453, 0.051116017254521987},
          1.1005167254150836, 0.79768161982793273, 0.56811704618997227),
      new DesignCase("getDesignGroupSequential(informationRates = c(0.4, 1), alpha = 0.025, beta = 0.1, sided = 1, typeOfDesign = \"asOF\", typeBetaSpending = \"bsKD\", gammaB = 2, bindingFutility = TRUE)",
          spec(rates(0.4, 1), 0.025, 1, 0.9, "of", "beta-kd:2", true),
          new double[] {3.3568693560909861, 1.9509304687380791},
          new double[] {0.00039415175669121894, 0.025000000000000001},
          new double[] {0.00039415175669121894, 0.025532658793812169},
          new double[] {-0.078610824523456024},
          new double[] {0.098339778687391521, 0.89999999999999958},
          new double[] {0.016000000107146355},
          1.0153604653455497, 0.94570281074295204, 0.72959828483035094),
      new DesignCase("getDesignGroupSequential(informationRates = c(0.3, 0.5, 0.7, 0.85, 1), alpha = 0.025, beta = 0.1, sided = 1, typeOfDesign = \"asOF\", typeBetaSpending = \"bsOF\", bindingFutility = TRUE)",
          spec(rates(0.3, 0.5, 0.7, 0.85, 1), 0.025, 1, 0.9, "of", "beta-of", true),
          new double[] {3.9285725426266085, 2.9656182155013084, 2.4623507931828499, 2.2287509217858315, 1.9687982127070427},
          new double[] {4.2725787444686247e-05, 0.0015253227413674075, 0.0073844894140111528, 0.015051289574732452, 0.025000000000000001},
          new double[] {4.2725787444686247e-05, 0.0015103761305736985, 0.0069014795433802734, 0.012915241029333502, 0.024488133815342428},
          new double[] {-0.94675187980503694, 0.30226552067324519, 1.0939929815940559, 1.532378010917455},
          new double[] {0.018314736762071626, 0.2774381157616006, 0.63973526402263725, 0.81352724953593936, 0.89999999999994817},
          new double[] {0.0026726382137878162, 0.017336615877574065, 0.029292116218805338, 0.025106981609195039},
          1.0725201257045733, 0.7505144221100587, 0.60647083275913527),
      new DesignCase("getDesignGroupSequential(kMax = 5, alpha = 0.025, beta = 0.2, sided = 1, typeOfDesign = \"asP\", typeBetaSpending = \"bsP\")",
          spec(eq(5), 0.025, 1, 0.8, "pocock", "beta-pocock", false),
          new double[] {2.437976688050012, 2.4268138632178307, 2.4101941362023354, 2.3966492936015129, 2.3859997019171715},
          new double[] {0.0073848632280086868, 0.013078429007574832, 0.017712826773011559, 0.021620993050566306, 0.025000000000000001},
          new double[] {0.0073848632280086868, 0.0076160342819955318, 0.0079720169766303028, 0.0082728758040211403, 0.0085163824335094951},
          new double[] {-0.039424277127709129, 0.705019426997751, 1.2846801583655179, 1.7993190078996122},
          new double[] {0.18013567885761206, 0.42137112126654253, 0.6217117953334661, 0.74681642473533083, 0.80000000002204819},
          new double[] {0.059078905984315269, 0.045548527583240371, 0.03707518033230732, 0.03126533143678821},
          1.477867318806833, 0.75418172719890497, 0.5289361594403944),
      new DesignCase("getDesignGroupSequential(kMax = 3, alpha = 0.025, beta = 0.2, sided = 1, typeOfDesign = \"asOF\", futilityBounds = c(0, 0.5))",
          spec(eq(3), 0.025, 1, 0.8, "of", "z:0,0.5", false),
          new double[] {3.7103028732625001, 2.5114274844527245, 1.9930474832653999},
          new double[] {0.00010350571814710108, 0.0060483890772754512, 0.02499999},
          new double[] {0.00010350571814710108, 0.0060121993768961213, 0.023128123916898669},
          new double[] {0, 0.5},
          new double[] {0.020519934536200157, 0.43860990041944037, 0.80000000000000004},
          new double[] {0.047739718031397815, 0.017219298882023205},
          1.0623715220421339, 0.85987339265802454, 0.62141867085640956),
      new DesignCase("getDesignGroupSequential(informationRates = c(0.2, 0.5, 0.75, 1), alpha = 0.05, beta = 0.2, sided = 1, typeOfDesign = \"asP\", futilityBounds = c(-0.5, 0, 0.5), bindingFutility = TRUE)",
          spec(rates(0.2, 0.5, 0.75, 1), 0.05, 1, 0.8, "pocock", "z:-0.5,0,0.5", true),
          new double[] {2.1762114530886798, 2.0408846363425255, 2.0360854491591454, 2.0005363002419472},
          new double[] {0.014769726456017374, 0.031005725461313638, 0.041399447152769553, 0.049999990000000001},
          new double[] {0.014769726456017374, 0.020631147632512614, 0.020870887801095583, 0.022721192104382615},
          new double[] {-0.5, 0, 0.5},
          new double[] {0.17513294414168845, 0.49411079148794212, 0.68003745345779487, 0.79999999999759308},
          new double[] {0.040742169573122711, 0.015553184104687817, 0.013440384963613855},
          1.2477897030593139, 0.76139208255485524, 0.69825697681607013),
      new DesignCase("getDesignGroupSequential(kMax = 3, alpha = 0.025, beta = 0.2, sided = 1, typeOfDesign = \"OF\", futilityBounds = c(0, 0), bindingFutility = TRUE)",
          spec(eq(3), 0.025, 1, 0.8, "classical-of", "z:0,0", true),
          new double[] {3.4370077550288896, 2.43033149057168, 1.9843573525727607},
          new double[] {0.00029408938133035356, 0.00763266468003726, 0.02499999},
          new double[] {0.00029408938133035356, 0.0075425094379978352, 0.023608008377955625},
          new double[] {0, 0},
          new double[] {0.037543386372214771, 0.46542828335264846, 0.79999999999999982},
          new double[] {0.048752275981930653, 0.0035881063482476124},
          1.0495358807850197, 0.83820681859265467, 0.65318680301767118),
      new DesignCase("getDesignGroupSequential(kMax = 4, alpha = 0.025, beta = 0.2, sided = 1, typeOfDesign = \"P\", futilityBounds = c(0, 0, 0))",
          spec(eq(4), 0.025, 1, 0.8, "classical-pocock", "z:0,0,0", false),
          new double[] {2.361299664716999, 2.361299664716999, 2.361299664716999, 2.361299664716999},
          new double[] {0.009105504192099656, 0.015772896626560784, 0.020877320288890111, 0.02499999},
          new double[] {0.009105504192099656, 0.009105504192099656, 0.009105504192099656, 0.009105504192099656},
          new double[] {0, 0, 0},
          new double[] {0.21823213698924016, 0.4812921583646036, 0.67825237117370751, 0.79999999999163063},
          new double[] {0.056696831654498306, 0.0046815620991155823, 0.00068812052854154708},
          1.2772651933894812, 0.77979645478877258, 0.68411411851019321),
      // two-sided designs with beta-spending futility: the inner region |Z| < b stops for futility; rpact's NA (no
      // futility bound at a look) is 0 here
      new DesignCase("getDesignGroupSequential(kMax = 3, alpha = 0.05, beta = 0.2, sided = 2, typeOfDesign = \"asOF\", typeBetaSpending = \"bsP\")",
          spec(eq(3), 0.05, 2, 0.8, "of", "beta-pocock", false),
          new double[] {3.7103028732625001, 2.5114274844527245, 1.9930474832653999},
          new double[] {0.00020701143629420221, 0.012096778151789965, 0.049999990000000001},
          new double[] {0.00010350571814710108, 0.0060121993768961213, 0.023128123916898669},
          new double[] {0.52941134382103516, 1.2926402849162875},
          new double[] {0.028672916435201978, 0.51373175611175981, 0.79999999998309912},
          new double[] {0.09056637920652065, 0.062109913825452667},
          1.2516896671908013, 0.92389401857170206, 0.72947059577268325),
      new DesignCase("getDesignGroupSequential(kMax = 3, alpha = 0.05, beta = 0.2, sided = 2, typeOfDesign = \"asOF\", typeBetaSpending = \"bsP\", bindingFutility = TRUE)",
          spec(eq(3), 0.05, 2, 0.8, "of", "beta-pocock", true),
          new double[] {3.7103028732625001, 2.5047743991017342, 1.8628412857651711},
          new double[] {0.00020701143629420221, 0.012096778408814622, 0.050000000000000003},
          new double[] {0.00010350571814710108, 0.0061264760020747211, 0.031242299747636149},
          new double[] {0.48033510052918271, 1.1854143457512047},
          new double[] {0.024453054517523443, 0.47858725699935095, 0.79999999990830672},
          new double[] {0.090566245187428687, 0.062109771581406362},
          1.1583986049414339, 0.87023422736900002, 0.70101608105256297),
      new DesignCase("getDesignGroupSequential(kMax = 3, alpha = 0.05, beta = 0.2, sided = 2, typeOfDesign = \"asOF\", typeBetaSpending = \"bsOF\")",
          spec(eq(3), 0.05, 2, 0.8, "of", "beta-of", false),
          new double[] {3.7103028732625001, 2.5114274844527245, 1.9930474832653999},
          new double[] {0.00020701143629420221, 0.012096778151789965, 0.049999990000000001},
          new double[] {0.00010350571814710108, 0.0060121993768961213, 0.023128123916898669},
          new double[] {0, 1.1150158573059037},
          new double[] {0.021091198066215733, 0.44566020057169786, 0.80000000000000981},
          new double[] {0, 0.10379662637393793},
          1.0769638552138963, 0.87214377871430016, 0.80863540679773138),
      new DesignCase("getDesignGroupSequential(informationRates = c(0.4, 0.7, 1), alpha = 0.05, beta = 0.1, sided = 2, typeOfDesign = \"asKD\", gammaA = 2, typeBetaSpending = \"bsKD\", gammaB = 2)",
          spec(rates(0.4, 0.7, 1), 0.05, 2, 0.9, "kd:2", "beta-kd:2", false),
          new double[] {2.6520698079021954, 2.3249145075678825, 2.0723594054579735},
          new double[] {0.0080000000000000106, 0.024499999869554853, 0.050000000000000003},
          new double[] {0.0040000000000000036, 0.010038266037742716, 0.019115968084543522},
          new double[] {0.19987860170604099, 1.0970797517375772},
          new double[] {0.30977810456067734, 0.70924650582274318, 0.89999999999959734},
          new double[] {0.015999886981411394, 0.032999689290987004},
          1.1055446055055058, 0.7460129764670419, 0.79604115752683335),
      new DesignCase("getDesignGroupSequential(kMax = 4, alpha = 0.05, beta = 0.2, sided = 2, typeOfDesign = \"asP\", typeBetaSpending = \"bsHSD\", gammaB = -2, bindingFutility = TRUE)",
          spec(eq(4), 0.05, 2, 0.8, "pocock", "beta-hsd:-2", true),
          new double[] {2.3683277035239052, 2.3675242885947227, 2.3570983037352562, 2.3177714422345161},
          new double[] {0.017868700975439453, 0.031005725593713521, 0.041399447193733382, 0.050000000000000003},
          new double[] {0.0089343504877197333, 0.0089537722874678538, 0.0092091851733011598, 0.010230872966758064},
          new double[] {0, 0.44995030003034098, 1.3279446882556598},
          new double[] {0.20479663991644959, 0.45819346189949062, 0.6648006960468642, 0.79999999996289928},
          new double[] {0, 0.037255025355720915, 0.061422473211457877},
          1.2144742794234007, 0.77001770735631536, 0.83331900523879709)
  );

  @Test
  void everyStageValueAgreesWithRpact() {
    List<String> failures = new ArrayList<>();
    double worst = 0;
    String worstWhere = "";
    for (DesignCase c : CASES) {
      GroupSequentialDesign d = GroupSequentialBoundaries.compute(c.spec());
      int k = c.critical().length;
      assertThat(d.stages()).hasSize(k);
      List<Check> checks = new ArrayList<>();
      for (int i = 0; i < k; i++) {
        GroupSequentialDesign.Stage s = d.stages().get(i);
        checks.add(new Check("criticalValues[" + i + "]", s.criticalZ(), c.critical()[i]));
        // rpact reports alpha - 1e-8 at the last look (see the class comment)
        checks.add(new Check("alphaSpent[" + i + "]", s.cumulativeAlpha(),
            c.alphaSpent()[i] + (i == k - 1 ? 1e-8 : 0)));
        checks.add(new Check("stageLevels[" + i + "]", s.nominalP(), c.stageLevels()[i]));
        checks.add(new Check("power[" + i + "]", s.cumulativePower(), c.power()[i]));
        if (i < c.futility().length) {
          checks.add(new Check("futilityBounds[" + i + "]", s.futilityZ(), c.futility()[i]));
        }
        if (i < c.futilityProbabilities().length && c.futility().length > 0) {
          checks.add(new Check("futilityProbabilities[" + i + "]", s.futilityH1(), c.futilityProbabilities()[i]));
        }
      }
      checks.add(new Check("inflationFactor", d.inflationFactor(), c.inflation()));
      checks.add(new Check("averageSampleNumber1", d.expectedInformationH1(), c.asn1()));
      checks.add(new Check("averageSampleNumber0", d.expectedInformationH0(), c.asn0()));
      double caseWorst = 0;
      for (Check ch : checks) {
        double rel = ch.relative();
        caseWorst = Math.max(caseWorst, rel);
        if (rel > worst) {
          worst = rel;
          worstWhere = c.call() + " " + ch.name();
        }
        if (!ch.ok()) {
          failures.add(String.format(Locale.ROOT, "%s: %s = %.12g, rpact %.12g (rel %.2g)", c.call(), ch.name(),
              ch.actual(), ch.expected(), rel));
        }
      }
      System.out.printf(Locale.ROOT, "| `%s` | %d | %.1e |%n", c.call(), checks.size(), caseWorst);
    }
    System.out.printf(Locale.ROOT, "group-sequential vs rpact: %d designs, max relative difference %.2g (%s)%n",
        CASES.size(), worst, worstWhere);
    assertThat(failures).isEmpty();
  }

  record Check(String name, double actual, double expected) {
    double relative() {
      return Math.abs(actual - expected) / Math.max(Math.abs(expected), 1e-3);
    }

    boolean ok() {
      double diff = Math.abs(actual - expected);
      return Math.abs(expected) < 1e-3 ? diff <= ABS_FLOOR : diff <= REL * Math.abs(expected);
    }
  }
}
