namespace ChatOps.IntentRecognition.Model;

/// <summary>One labelled question of a TSV file (see <see cref="LabelledQuestions"/>).</summary>
/// <param name="Intent">The route the question should take.</param>
/// <param name="Text">The question as a person would type it.</param>
/// <param name="Lang"><c>en</c> or <c>zh</c> (empty when the file does not say).</param>
/// <param name="Topic">What it is about (<c>compute</c>, <c>k8s</c>, <c>sla</c>, <c>food</c>…; empty when the file does not say).</param>
public sealed record LabelledQuestion(Intent Intent, string Text, string Lang = "", string Topic = "");
