namespace CxCore.Analytics;

/// <summary>
/// Johnson's (2000) relative weights for a linear regression of <c>y</c> on predictors, from the data: the share of R²
/// each predictor accounts for, which — unlike squared standardised betas — adds up to R² and stays meaningful when
/// the predictors are correlated.
/// </summary>
/// <remarks>
/// With <c>R = V Λ Vᵀ</c> the predictors' correlation matrix and <c>r</c> their correlations with <c>y</c>:
/// <c>L = V Λ^{1/2} Vᵀ</c> (the symmetric square root of <c>R</c>; its columns are the orthogonal variables closest to the
/// predictors), <c>β* = L⁻¹ r</c> (the regression of <c>y</c> on those), <c>RWⱼ = Σₖ Lⱼₖ² β*ₖ²</c>,
/// <c>R² = Σₖ β*ₖ² = Σⱼ RWⱼ</c> (because every column of <c>L</c> has unit length), and the standardised betas
/// <c>β = R⁻¹ r = V Λ⁻¹ Vᵀ r</c>. Constant predictors are dropped, then — in the given order — any predictor whose
/// squared multiple correlation with the ones already kept exceeds <c>1 − 10⁻⁹</c> (collinear).
/// </remarks>
internal static class RelativeWeights
{
    /// <summary>A predictor is collinear when less than this share of its variance is left after the kept predictors.</summary>
    internal const double CollinearTolerance = 1e-9;

    /// <summary>
    /// Fits <paramref name="y"/> on <paramref name="columns"/> (one array per predictor, each as long as
    /// <paramref name="y"/>). Null when there is no model to fit: fewer than 3 observations or a constant <paramref name="y"/>.
    /// </summary>
    public static Fit? Compute(IReadOnlyList<double[]> columns, double[] y)
    {
        var n = y.Length;
        if (n < 3 || Standardise(y) is not { } zy)
        {
            return null;
        }

        var p = columns.Count;
        var results = new Predictor[p];
        var z = new double[p][];
        var kept = new List<int>();
        var cholesky = new List<double[]>(); // rows of the lower-triangular factor of the kept predictors' R
        for (var j = 0; j < p; j++)
        {
            if (columns[j].Length != n)
            {
                throw new ArgumentException($"columns[{j}] has {columns[j].Length} values but y has {n}.", nameof(columns));
            }

            if (Standardise(columns[j]) is not { } zj)
            {
                results[j] = new Predictor(DriverExclusion.Constant, 0, 0, 0);
                continue;
            }

            z[j] = zj;

            // Incremental Cholesky: the squared residual norm d of zj after the kept predictors is 1 − R²ⱼ.
            var row = new double[kept.Count + 1];
            var d = 1.0;
            for (var k = 0; k < kept.Count; k++)
            {
                var sum = Dot(zj, z[kept[k]]);
                for (var m = 0; m < k; m++)
                {
                    sum -= row[m] * cholesky[k][m];
                }

                row[k] = sum / cholesky[k][k];
                d -= row[k] * row[k];
            }

            if (d < CollinearTolerance)
            {
                results[j] = new Predictor(DriverExclusion.Collinear, Dot(zj, zy), 0, 0);
                continue;
            }

            row[kept.Count] = Math.Sqrt(d);
            cholesky.Add(row);
            kept.Add(j);
        }

        var q = kept.Count;
        var r = new double[q, q];
        var rxy = new double[q];
        for (var a = 0; a < q; a++)
        {
            rxy[a] = Dot(z[kept[a]], zy);
            r[a, a] = 1;
            for (var b = a + 1; b < q; b++)
            {
                r[a, b] = r[b, a] = Dot(z[kept[a]], z[kept[b]]);
            }
        }

        var (values, vectors) = SymmetricEigen.Decompose(r);
        var root = Transform(vectors, values, Math.Sqrt);       // L = V Λ^{1/2} Vᵀ
        var betaStar = Apply(Transform(vectors, values, v => 1 / Math.Sqrt(v)), rxy); // L⁻¹ r
        var beta = Apply(Transform(vectors, values, v => 1 / v), rxy);               // R⁻¹ r
        var rSquared = 0.0;
        for (var k = 0; k < q; k++)
        {
            rSquared += betaStar[k] * betaStar[k];
        }

        for (var a = 0; a < q; a++)
        {
            var weight = 0.0;
            for (var k = 0; k < q; k++)
            {
                weight += root[a, k] * root[a, k] * betaStar[k] * betaStar[k];
            }

            results[kept[a]] = new Predictor(null, rxy[a], beta[a], weight);
        }

        return new Fit(rSquared, results);
    }

    /// <summary>The vector centred and scaled to unit length (so dot products are correlations); null when it is constant.</summary>
    private static double[]? Standardise(double[] x)
    {
        var mean = 0.0;
        foreach (var v in x)
        {
            mean += v;
        }

        mean /= x.Length;
        var ss = 0.0;
        foreach (var v in x)
        {
            ss += (v - mean) * (v - mean);
        }

        // Identical values leave only rounding in ss; anything this small relative to the values' size is constant.
        if (!(ss > 1e-20 * x.Length * Math.Max(1, mean * mean)))
        {
            return null;
        }

        var norm = Math.Sqrt(ss);
        var z = new double[x.Length];
        for (var i = 0; i < x.Length; i++)
        {
            z[i] = (x[i] - mean) / norm;
        }

        return z;
    }

    private static double Dot(double[] a, double[] b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    /// <summary><c>V · diag(f(λ)) · Vᵀ</c>.</summary>
    private static double[,] Transform(double[,] vectors, double[] values, Func<double, double> f)
    {
        var n = values.Length;
        var scaled = new double[n];
        for (var k = 0; k < n; k++)
        {
            // The collinearity screen keeps R positive definite; the floor only guards rounding.
            scaled[k] = f(Math.Max(values[k], 1e-15));
        }

        var m = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = i; j < n; j++)
            {
                var sum = 0.0;
                for (var k = 0; k < n; k++)
                {
                    sum += vectors[i, k] * scaled[k] * vectors[j, k];
                }

                m[i, j] = m[j, i] = sum;
            }
        }

        return m;
    }

    private static double[] Apply(double[,] m, double[] x)
    {
        var result = new double[x.Length];
        for (var i = 0; i < x.Length; i++)
        {
            for (var k = 0; k < x.Length; k++)
            {
                result[i] += m[i, k] * x[k];
            }
        }

        return result;
    }

    /// <summary>The fit: R² and one entry per predictor, in the order given.</summary>
    internal sealed record Fit(double RSquared, IReadOnlyList<Predictor> Predictors);

    /// <summary>
    /// One predictor: why it was dropped (null when kept), its correlation with y, its standardised beta and its raw
    /// relative weight (both 0 when dropped).
    /// </summary>
    internal readonly record struct Predictor(DriverExclusion? Dropped, double Correlation, double Beta, double Weight);
}
