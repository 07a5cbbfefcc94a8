# The peer row of the BG/NBD benchmark: R's optim (L-BFGS-B) maximising the same BG/NBD
# likelihood (Fader, Hardie & Lee 2005, eq. 6, vectorised over customers) on the CDNOW summary,
# from the same start (all parameters 1). Run by bench/models.mjs: prints the fit and ms per fit.
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[1])
reps <- as.integer(args[2])
x <- d$x; tx <- d$t_x; TT <- d$T
nll <- function(p) {
  r <- p[1]; alpha <- p[2]; a <- p[3]; b <- p[4]
  common <- lgamma(r + x) - lgamma(r) + r * log(alpha) + lbeta(a, b + x) - lbeta(a, b)
  a3 <- -(r + x) * log(alpha + TT)
  a4 <- ifelse(x > 0, log(a) - log(b + pmax(x, 1) - 1) - (r + x) * log(alpha + tx), -Inf)
  top <- pmax(a3, a4)
  -sum(common + top + log(exp(a3 - top) + exp(a4 - top)))
}
fit <- function() optim(c(1, 1, 1, 1), nll, method = "L-BFGS-B", lower = rep(1e-4, 4))
f <- fit()
elapsed <- system.time(for (i in seq_len(reps)) fit())[["elapsed"]]
cat(sprintf("%.6f %.6f %.6f %.6f %.4f %.3f\n", f$par[1], f$par[2], f$par[3], f$par[4], -f$value, 1000 * elapsed / reps))
