using CsCheck;
using CxCore.Analytics;

namespace CxCore.Tests.Analytics;

public sealed class RelativeWeightsTests
{
    // Orthogonal, centred, equal-length patterns (a 2³ factorial and its three-way interaction).
    private static readonly double[] U1 = [1, -1, 1, -1, 1, -1, 1, -1];
    private static readonly double[] U2 = [1, 1, -1, -1, 1, 1, -1, -1];
    private static readonly double[] U3 = [1, 1, 1, 1, -1, -1, -1, -1];
    private static readonly double[] U4 = [1, -1, -1, 1, -1, 1, 1, -1];

    private static double[] Combine(double c1, double c2, double c3, double c4, double offset = 0) =>
        [.. U1.Select((_, i) => offset + (c1 * U1[i]) + (c2 * U2[i]) + (c3 * U3[i]) + (c4 * U4[i]))];

    [Fact]
    public void Uncorrelated_predictors_get_their_squared_correlations_and_betas_equal_correlations()
    {
        // y = 3·x1 + 2·x2 + 1·x3 + e, all four orthogonal with equal variance: r² = 9/15, 4/15, 1/15 and R² = 14/15.
        var fit = RelativeWeights.Compute([U1, U2, U3], Combine(3, 2, 1, 1, offset: 50))!;
        Assert.Equal(14 / 15.0, fit.RSquared, 12);
        double[] squared = [9 / 15.0, 4 / 15.0, 1 / 15.0];
        for (var j = 0; j < 3; j++)
        {
            Assert.Null(fit.Predictors[j].Dropped);
            Assert.Equal(squared[j], fit.Predictors[j].Weight, 12);
            Assert.Equal(squared[j], fit.Predictors[j].Correlation * fit.Predictors[j].Correlation, 12);
            Assert.Equal(fit.Predictors[j].Correlation, fit.Predictors[j].Beta, 12);
        }
    }

    [Fact]
    public void Exact_linear_outcome_has_R_squared_one_even_with_correlated_predictors()
    {
        var x1 = Combine(1, 0.3, 0, 0.1, 10);
        var x2 = Combine(0.8, 1, 0.2, 0, -4);
        var x3 = Combine(0, 0.5, 1, 0.3, 7);
        double[] y = [.. x1.Select((_, i) => 2 + (3 * x1[i]) - x2[i] + (0.5 * x3[i]))];
        var fit = RelativeWeights.Compute([x1, x2, x3], y)!;
        Assert.Equal(1, fit.RSquared, 10);
        Assert.Equal(1, fit.Predictors.Sum(p => p.Weight), 10);
    }

    /// <summary>
    /// Two predictors with r₁₂ = 0.5, r_y1 = 0.6, r_y2 = 0.4, built exactly from orthonormal patterns. By hand: the eigenvectors
    /// of R are (1, ±1)/√2 with λ = 1.5, 0.5, so L = R^{1/2} = [[cos 15°, sin 15°], [sin 15°, cos 15°]] and
    /// L⁻¹ = [[cos 15°, −sin 15°], [−sin 15°, cos 15°]] / cos 30°; β* = (0.54967, 0.26683); RW = (0.28667, 0.08667),
    /// summing to R² = (0.36 + 0.16 − 2·0.5·0.6·0.4) / 0.75 = 0.37333; β = R⁻¹r = (0.53333, 0.13333).
    /// </summary>
    [Fact]
    public void Two_correlated_predictors_match_the_hand_worked_example()
    {
        var root = Math.Sqrt(0.75);
        var b = (0.4 - 0.3) / root;
        var c = Math.Sqrt(1 - 0.36 - (b * b));
        var fit = RelativeWeights.Compute([Combine(1, 0, 0, 0), Combine(0.5, root, 0, 0)], Combine(0.6, b, c, 0, 3))!;
        Assert.Equal(0.28 / 0.75, fit.RSquared, 12);
        Assert.Equal(0.86 / 3, fit.Predictors[0].Weight, 12);
        Assert.Equal(0.26 / 3, fit.Predictors[1].Weight, 12);
        Assert.Equal(0.4 / 0.75, fit.Predictors[0].Beta, 12);
        Assert.Equal(0.1 / 0.75, fit.Predictors[1].Beta, 12);
        Assert.Equal(0.6, fit.Predictors[0].Correlation, 12);
        Assert.Equal(0.4, fit.Predictors[1].Correlation, 12);
    }

    [Fact]
    public void Constant_and_collinear_predictors_are_dropped_with_a_reason()
    {
        double[] constant = [.. U1.Select(_ => 42.0)];
        double[] sum = [.. U1.Select((_, i) => U1[i] + (2 * U2[i]))];
        var fit = RelativeWeights.Compute([U1, constant, U2, sum], Combine(1, 1, 1, 1))!;
        Assert.Equal([null, DriverExclusion.Constant, null, DriverExclusion.Collinear], fit.Predictors.Select(p => p.Dropped));
        Assert.Equal(0.5, fit.RSquared, 12);
        Assert.Equal(0, fit.Predictors[3].Weight);
    }

    [Fact]
    public void No_model_for_fewer_than_three_rows_or_a_constant_outcome()
    {
        Assert.Null(RelativeWeights.Compute([[1.0, 2.0]], [1.0, 3.0]));
        Assert.Null(RelativeWeights.Compute([U1], [.. U1.Select(_ => 7.0)]));
    }

    [Fact]
    public void Jacobi_decomposes_symmetric_matrices()
    {
        Gen.Int[1, 8].SelectMany(n => Gen.Double[-10, 10].Array[n * n].Select(v => (n, v))).Sample(t =>
        {
            var (n, v) = t;
            var a = new double[n, n];
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j <= i; j++)
                {
                    a[i, j] = a[j, i] = v[(i * n) + j];
                }
            }

            var (values, vectors) = SymmetricEigen.Decompose(a);
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < n; j++)
                {
                    double av = 0, identity = 0;
                    for (var k = 0; k < n; k++)
                    {
                        av += a[i, k] * vectors[k, j];
                        identity += vectors[k, i] * vectors[k, j];
                    }

                    Assert.Equal(vectors[i, j] * values[j], av, 9);
                    Assert.Equal(i == j ? 1 : 0, identity, 12);
                }
            }
        });
    }

    private static readonly Gen<(double[][] X, double[] Y)> Data =
        from p in Gen.Int[1, 5]
        from n in Gen.Int[p + 3, 40]
        from x in Gen.Double[0, 100].Array[n].Array[p]
        from y in Gen.Double[0, 100].Array[n]
        select (x, y);

    [Fact]
    public void Weights_are_non_negative_and_add_up_to_R_squared()
    {
        Data.Sample(d =>
        {
            if (RelativeWeights.Compute(d.X, d.Y) is not { } fit)
            {
                return;
            }

            Assert.All(fit.Predictors, p => Assert.True(p.Weight >= 0));
            Assert.Equal(fit.RSquared, fit.Predictors.Sum(p => p.Weight), 9);
            Assert.InRange(fit.RSquared, -1e-9, 1 + 1e-9);
        });
    }

    [Fact]
    public void Weights_do_not_depend_on_predictor_order_or_a_linear_rescaling_of_the_outcome()
    {
        Gen.Select(Data, Gen.Int[0, 1000], Gen.Double[0.01, 100], Gen.Double[-1000, 1000], Gen.Bool).Sample((d, seed, scale, shift, flip) =>
        {
            if (RelativeWeights.Compute(d.X, d.Y) is not { } fit || fit.Predictors.Any(p => p.Dropped == DriverExclusion.Collinear))
            {
                return; // which of two collinear predictors is dropped depends on the order, by design
            }

            var order = Enumerable.Range(0, d.X.Length).OrderBy(j => (j * 7919) ^ seed).ToArray();
            var permuted = RelativeWeights.Compute([.. order.Select(j => d.X[j])], d.Y)!;
            var a = flip ? -scale : scale;
            var rescaled = RelativeWeights.Compute(d.X, [.. d.Y.Select(v => (a * v) + shift)])!;
            Assert.Equal(fit.RSquared, permuted.RSquared, 8);
            Assert.Equal(fit.RSquared, rescaled.RSquared, 8);
            for (var k = 0; k < order.Length; k++)
            {
                Assert.Equal(fit.Predictors[order[k]].Weight, permuted.Predictors[k].Weight, 8);
                Assert.Equal(fit.Predictors[order[k]].Beta, permuted.Predictors[k].Beta, 8);
                Assert.Equal(fit.Predictors[k].Weight, rescaled.Predictors[k].Weight, 8);
                Assert.Equal(fit.Predictors[k].Beta * Math.Sign(a), rescaled.Predictors[k].Beta, 8);
            }
        });
    }
}
